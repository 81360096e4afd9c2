package dev.acsemulator.call.audio;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Renders spans into samples: each span's signal from its start, the values of spans at the same time added, the sum
 * rounded and clipped to 16 bits once. Sample {@code i} of a window from {@code from} is the instant
 * {@code from + i / rate}; a span covers the samples from the first at or after its start to the last before its end,
 * so consecutive windows join without a seam.
 */
public final class Mixer {

    private Mixer() {
    }

    public static short[] render(List<Span> spans, Instant from, int count, AudioRate rate) {
        double[] sum = new double[count];
        int hertz = rate.hertz();
        for (Span span : spans) {
            long first = ceilSamples(Duration.between(from, span.start()), hertz);
            long last = ceilSamples(Duration.between(from, span.end()), hertz);
            for (long i = Math.max(0, first); i < Math.min(count, last); i++) {
                sum[(int) i] += span.signal().value(i - first, hertz);
            }
        }
        short[] samples = new short[count];
        for (int i = 0; i < count; i++) {
            samples[i] = clip(sum[i]);
        }
        return samples;
    }

    /** A value rounded to the nearest 16-bit sample, clipped to the range. */
    public static short clip(double value) {
        return (short) Math.round(Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value)));
    }

    /** The index of the first sample at or after {@code offset} from a window's start. */
    private static long ceilSamples(Duration offset, int hertz) {
        return -Math.floorDiv(-offset.toNanos() * hertz, 1_000_000_000L);
    }
}
