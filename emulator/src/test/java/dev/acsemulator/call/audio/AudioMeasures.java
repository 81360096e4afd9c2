package dev.acsemulator.call.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** What tests measure of rendered audio: a frequency's power (Goertzel), loudness, WAV files' samples. */
public final class AudioMeasures {

    private AudioMeasures() {
    }

    /** Goertzel: the power of {@code hz} over {@code count} samples from {@code from}, at {@code rate} samples/s. */
    public static double power(short[] samples, int from, int count, int hz, int rate) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / rate);
        double previous = 0;
        double beforePrevious = 0;
        for (int i = from; i < from + count; i++) {
            double current = samples[i] + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        return previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
    }

    /** The root mean square of {@code count} samples from {@code from}. */
    public static double rms(short[] samples, int from, int count) {
        double sum = 0;
        for (int i = from; i < from + count; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / count);
    }

    /** The samples of a mono 16-bit WAV file with the canonical 44-byte header. */
    public static short[] wavSamples(byte[] wav) {
        ByteBuffer data = ByteBuffer.wrap(wav, 44, wav.length - 44).order(ByteOrder.LITTLE_ENDIAN);
        short[] out = new short[(wav.length - 44) / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = data.getShort();
        }
        return out;
    }

    /** 16-bit little-endian PCM of {@code samples}. */
    public static byte[] pcm(short[] samples) {
        return new PcmWindow(AudioRate.KHZ_16, samples).littleEndian();
    }

    /** The {@code count} samples of a saw-tooth from {@code first}, each unlike its neighbours and never zero. */
    public static short[] sawTooth(int first, int count) {
        short[] out = new short[count];
        for (int i = 0; i < count; i++) {
            out[i] = (short) (500 + ((first + i) * 13) % 7_919);
        }
        return out;
    }
}
