package dev.acsemulator.call.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** WAV files written byte by byte, as a recorder writes them, for the tests that play them. */
public final class Wavs {

    private Wavs() {
    }

    /** PCM samples of silence lasting {@code millis}, with optional chunks before the data. */
    public static byte[] pcm(int channels, int sampleRate, int bitsPerSample, int millis, byte[]... extraChunks) {
        int dataBytes = (int) ((long) sampleRate * channels * (bitsPerSample / 8) * millis / 1000);
        return wav(1, channels, sampleRate, bitsPerSample, new byte[dataBytes], extraChunks);
    }

    /** The service's format: mono, 16-bit, 16 kHz. */
    public static byte[] playable(int millis) {
        return pcm(1, 16_000, 16, millis);
    }

    /**
     * A playable file whose every sample differs from its neighbours and from zero (a saw-tooth of prime period), so
     * a test can tell where in it a stretch of samples came from.
     */
    public static byte[] recognisable(int millis) {
        int frames = 16 * millis;
        byte[] data = new byte[frames * 2];
        for (int i = 0; i < frames; i++) {
            short sample = recognisableSample(i);
            data[2 * i] = (byte) sample;
            data[2 * i + 1] = (byte) (sample >> 8);
        }
        return wav(1, 1, 16_000, 16, data);
    }

    /** The sample at {@code frame} of {@link #recognisable}. */
    public static short recognisableSample(int frame) {
        return (short) (1_000 + (frame * 7) % 9_973);
    }

    public static byte[] wav(int format, int channels, int sampleRate, int bitsPerSample, byte[] data,
                             byte[]... extraChunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ascii("WAVE"));
        ByteArrayOutputStream fmt = new ByteArrayOutputStream();
        le16(fmt, format);
        le16(fmt, channels);
        le32(fmt, sampleRate);
        le32(fmt, sampleRate * channels * (bitsPerSample / 8));
        le16(fmt, channels * (bitsPerSample / 8));
        le16(fmt, bitsPerSample);
        body.writeBytes(chunk("fmt ", fmt.toByteArray()));
        for (byte[] extra : extraChunks) {
            body.writeBytes(extra);
        }
        body.writeBytes(chunk("data", data));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(ascii("RIFF"));
        le32(file, body.size());
        file.writeBytes(body.toByteArray());
        return file.toByteArray();
    }

    /** A chunk: its id, its little-endian length, its body and a pad byte when the length is odd. */
    public static byte[] chunk(String id, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii(id));
        le32(out, content.length);
        out.writeBytes(content);
        if ((content.length & 1) == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static void le16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write(value >>> 8 & 0xFF);
    }

    private static void le32(ByteArrayOutputStream out, int value) {
        le16(out, value & 0xFFFF);
        le16(out, value >>> 16 & 0xFFFF);
    }
}
