package dev.acsemulator.call.audio;

/**
 * A rendered stretch of the call's audio: 16-bit signed mono samples at {@code rate}. {@link #littleEndian()} is the
 * form a WAV file and a media stream's AudioData carry.
 */
public record PcmWindow(AudioRate rate, short[] samples) {

    /** Whether every sample is zero: nothing sounded in the window. */
    public boolean silent() {
        for (short sample : samples) {
            if (sample != 0) {
                return false;
            }
        }
        return true;
    }

    /** The samples as 16-bit little-endian PCM bytes. */
    public byte[] littleEndian() {
        byte[] bytes = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            bytes[2 * i] = (byte) samples[i];
            bytes[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return bytes;
    }
}
