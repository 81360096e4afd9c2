package dev.acsemulator.call.streaming;

/** Mixing 16-bit little-endian PCM: samples add up, clipped to 16 bits. */
final class PcmMix {

    private PcmMix() {
    }

    /** Adds {@code frame} into {@code into} (same length) and returns {@code into}. */
    static byte[] add(byte[] into, byte[] frame) {
        for (int i = 0; i + 1 < into.length && i + 1 < frame.length; i += 2) {
            int sum = (short) ((into[i] & 0xFF) | (into[i + 1] << 8)) + (short) ((frame[i] & 0xFF) | (frame[i + 1] << 8));
            int clipped = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum));
            into[i] = (byte) clipped;
            into[i + 1] = (byte) (clipped >> 8);
        }
        return into;
    }
}
