package dev.acsemulator.call.media;

import java.time.Duration;

/**
 * The samples of a WAV file (16-bit mono PCM: 16 kHz for a play, 16 or 24 kHz for what a simulated person says), read
 * in place from the downloaded bytes: nothing is copied, so the play that prepared it, the {@link AudioCache} that
 * keeps it and a recording that heard it all share one array.
 */
public final class PcmAudio {

    /** The one rate the play service accepts (call-automation-behaviour.md §2.13). */
    public static final int SAMPLE_RATE = 16_000;

    private final byte[] file;
    private final int dataOffset;
    private final long frames;
    private final int sampleRate;

    private PcmAudio(byte[] file, int dataOffset, long frames, int sampleRate) {
        this.file = file;
        this.dataOffset = dataOffset;
        this.frames = frames;
        this.sampleRate = sampleRate;
    }

    /** The samples of {@code file}, whose header {@code wav} says it is playable. */
    static PcmAudio of(byte[] file, WavFile wav) {
        if (!wav.isPlayable()) {
            throw new IllegalArgumentException("Not a playable WAV file: " + wav.describe());
        }
        return new PcmAudio(file, wav.dataOffset(), wav.dataBytes() / 2, SAMPLE_RATE);
    }

    /**
     * The samples of {@code file} as a person's voice: 16-bit mono PCM at 16 or 24 kHz (the rates a media stream
     * carries); empty when the file is not a WAV file of that kind.
     */
    public static java.util.Optional<PcmAudio> ofVoice(byte[] file) {
        return WavFile.read(file).filter(WavFile::isVoice)
                .map(wav -> new PcmAudio(file, wav.dataOffset(), wav.dataBytes() / 2, wav.sampleRate()));
    }

    /** How many samples it holds. */
    public long frames() {
        return frames;
    }

    /** The sample at {@code frame} (from 0), as a signed 16-bit value. */
    public short sample(long frame) {
        if (frame < 0 || frame >= frames) {
            throw new IndexOutOfBoundsException("Sample " + frame + " of " + frames);
        }
        int at = dataOffset + (int) (frame * 2);
        return (short) ((file[at] & 0xFF) | (file[at + 1] << 8));
    }

    /** Samples per second: {@value #SAMPLE_RATE} for a play's file, 16,000 or 24,000 for a voice. */
    public int sampleRate() {
        return sampleRate;
    }

    public Duration duration() {
        return Duration.ofNanos(frames * 1_000_000_000L / sampleRate);
    }
}
