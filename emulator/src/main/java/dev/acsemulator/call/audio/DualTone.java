package dev.acsemulator.call.audio;

import dev.acsemulator.call.media.DtmfTone;

/**
 * A DTMF key as it sounds: its row and column frequencies (ITU-T Q.23) together, each at a quarter of full scale so
 * the pair peaks at half and never clips.
 */
public record DualTone(int lowHertz, int highHertz) implements Signal {

    private static final double AMPLITUDE = 0.25 * Short.MAX_VALUE;

    public static DualTone of(DtmfTone tone) {
        return new DualTone(DtmfFrequencies.low(tone), DtmfFrequencies.high(tone));
    }

    @Override
    public double value(long index, int hertz) {
        double t = (double) index / hertz;
        return AMPLITUDE * (Math.sin(2 * Math.PI * lowHertz * t) + Math.sin(2 * Math.PI * highHertz * t));
    }
}
