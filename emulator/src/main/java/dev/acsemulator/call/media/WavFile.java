package dev.acsemulator.call.media;

import java.time.Duration;
import java.util.Optional;

/**
 * The format of a RIFF/WAVE file, read from its header: what the play service checks before it plays a file
 * (call-automation-behaviour.md §2.13: "only Wave file (.wav) ... mono (single-channel), 16-bit samples with a 16,000
 * (16 KHz) sampling rate"; anything else fails with 8535).
 *
 * <p>Read byte-exactly: the {@code RIFF} and {@code WAVE} tags, then chunks (id, little-endian size, body padded to an
 * even length) until both {@code fmt } and {@code data} were seen; {@code dataOffset} is where the samples begin. Chunks other than those two are skipped. A data
 * chunk whose declared size runs past the end of the file is cut to the bytes present (a recorder that never
 * rewrote the size), so the duration is what can actually be played.
 */
public record WavFile(int audioFormat, int channels, int sampleRate, int bitsPerSample, long dataBytes,
                      int dataOffset) {

    /** WAVE_FORMAT_PCM. */
    public static final int PCM = 1;

    /** The header of {@code bytes}, or empty when they are not a RIFF/WAVE file with a fmt and a data chunk. */
    public static Optional<WavFile> read(byte[] bytes) {
        if (bytes.length < 12 || !tag(bytes, 0, "RIFF") || !tag(bytes, 8, "WAVE")) {
            return Optional.empty();
        }
        int position = 12;
        Integer format = null;
        int channels = 0;
        int sampleRate = 0;
        int bits = 0;
        while (position + 8 <= bytes.length) {
            long size = uint32(bytes, position + 4);
            int body = position + 8;
            if (tag(bytes, position, "fmt ")) {
                if (size < 16 || body + 16 > bytes.length) {
                    return Optional.empty();
                }
                format = uint16(bytes, body);
                channels = uint16(bytes, body + 2);
                sampleRate = (int) uint32(bytes, body + 4);
                bits = uint16(bytes, body + 14);
            } else if (tag(bytes, position, "data")) {
                if (format == null) {
                    return Optional.empty(); // the format must precede the samples
                }
                long present = Math.min(size, bytes.length - (long) body);
                return Optional.of(new WavFile(format, channels, sampleRate, bits, present, body));
            }
            long next = body + size + (size & 1);
            if (next > bytes.length) {
                return Optional.empty();
            }
            position = (int) next;
        }
        return Optional.empty();
    }

    /** Whether the service plays it: PCM, mono, 16-bit, 16 kHz. */
    public boolean isPlayable() {
        return audioFormat == PCM && channels == 1 && bitsPerSample == 16 && sampleRate == 16_000;
    }

    /** Whether a simulated person can speak with it: PCM, mono, 16-bit, 16 or 24 kHz (a media stream's rates). */
    public boolean isVoice() {
        return audioFormat == PCM && channels == 1 && bitsPerSample == 16
                && (sampleRate == 16_000 || sampleRate == 24_000);
    }

    /** How long the samples last, to the microsecond: data bytes over (rate × channels × bytes per sample). */
    public Duration duration() {
        long bytesPerSecond = (long) sampleRate * channels * Math.max(1, bitsPerSample / 8);
        if (bytesPerSecond == 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(dataBytes * 1_000_000_000L / bytesPerSecond);
    }

    /** What a person or a log is told of a file that cannot be played. */
    public String describe() {
        return (audioFormat == PCM ? "PCM" : "format " + audioFormat) + ", " + channels + " channel(s), "
                + bitsPerSample + "-bit, " + sampleRate + " Hz";
    }

    private static boolean tag(byte[] bytes, int at, String tag) {
        if (at + 4 > bytes.length) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (bytes[at + i] != (byte) tag.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int uint16(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
    }

    private static long uint32(byte[] bytes, int at) {
        return (bytes[at] & 0xFFL) | (bytes[at + 1] & 0xFFL) << 8 | (bytes[at + 2] & 0xFFL) << 16
                | (bytes[at + 3] & 0xFFL) << 24;
    }
}
