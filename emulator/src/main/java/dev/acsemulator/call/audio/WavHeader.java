package dev.acsemulator.call.audio;

/** The 44-byte header of a canonical WAV file of 16-bit PCM (RIFF, a {@code fmt } chunk, then {@code data}). */
public final class WavHeader {

    public static final int BYTES = 44;
    public static final int BITS_PER_SAMPLE = 16;

    private WavHeader() {
    }

    public static byte[] of(int channels, int hertz, long dataBytes) {
        byte[] h = new byte[BYTES];
        ascii(h, 0, "RIFF");
        le32(h, 4, 36 + dataBytes);
        ascii(h, 8, "WAVE");
        ascii(h, 12, "fmt ");
        le32(h, 16, 16);
        le16(h, 20, 1);
        le16(h, 22, channels);
        le32(h, 24, hertz);
        le32(h, 28, (long) hertz * channels * 2);
        le16(h, 32, channels * 2);
        le16(h, 34, BITS_PER_SAMPLE);
        ascii(h, 36, "data");
        le32(h, 40, dataBytes);
        return h;
    }

    private static void ascii(byte[] into, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            into[at + i] = (byte) text.charAt(i);
        }
    }

    private static void le16(byte[] into, int at, int value) {
        into[at] = (byte) value;
        into[at + 1] = (byte) (value >> 8);
    }

    private static void le32(byte[] into, int at, long value) {
        for (int i = 0; i < 4; i++) {
            into[at + i] = (byte) (value >> (8 * i));
        }
    }
}
