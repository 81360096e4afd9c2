package dev.acsemulator.call.media;

import java.time.Duration;

/**
 * The samples of a playable WAV file (16 kHz, 16-bit, mono PCM), read in place from the downloaded bytes: nothing is
 * copied, so the play that prepared it, the {@link AudioCache} that keeps it and a recording that heard it all share
 * one array.
 */
public final class PcmAudio {

    /** The one rate the play service accepts (call-automation-behaviour.md §2.13). */
    public static final int SAMPLE_RATE = 16_000;

    private final byte[] file;
    private final int dataOffset;
    private final long frames;

    private PcmAudio(byte[] file, int dataOffset, long frames) {
        this.file = file;
        this.dataOffset = dataOffset;
        this.frames = frames;
    }

    /** The samples of {@code file}, whose header {@code wav} says it is playable. */
    static PcmAudio of(byte[] file, WavFile wav) {
        if (!wav.isPlayable()) {
            throw new IllegalArgumentException("Not a playable WAV file: " + wav.describe());
        }
        return new PcmAudio(file, wav.dataOffset(), wav.dataBytes() / 2);
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

    public Duration duration() {
        return Duration.ofNanos(frames * 1_000_000_000L / SAMPLE_RATE);
    }
}
