package dev.acsemulator.call.audio;

import java.util.function.LongUnaryOperator;

/**
 * Reading samples made at one rate as if made at another: the sample itself when the rates agree, else the straight
 * line between the two nearest samples (linear interpolation, no anti-alias filter: 16 and 24 kHz voice and prompts
 * carry little above 8 kHz, and the tests measure tones and energy, not fidelity).
 */
final class Resampling {

    private Resampling() {
    }

    /**
     * The value {@code index} samples in at {@code hertz} of samples made at {@code sourceHertz}, {@code length} of
     * them, read by {@code sample}; 0 past the last one.
     */
    static double at(long index, int hertz, int sourceHertz, long length, LongUnaryOperator sample) {
        if (hertz == sourceHertz) {
            return index >= 0 && index < length ? sample.applyAsLong(index) : 0;
        }
        long scaled = index * sourceHertz;
        long whole = Math.floorDiv(scaled, hertz);
        if (whole < 0 || whole >= length) {
            return 0;
        }
        double fraction = (double) (scaled - whole * hertz) / hertz;
        double first = sample.applyAsLong(whole);
        double next = whole + 1 < length ? sample.applyAsLong(whole + 1) : 0;
        return first + (next - first) * fraction;
    }
}
