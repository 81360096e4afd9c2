package dev.acsemulator.call.audio;

import java.time.Duration;
import java.util.Optional;

/**
 * The sample rates the call's audio is rendered at: 16 kHz (a recording's file, what a person heard) and 24 kHz, the
 * two rates a media stream carries ({@code Pcm16KMono} and {@code Pcm24KMono}). Samples are
 * 16-bit signed mono.
 */
public enum AudioRate {
    KHZ_16(16_000),
    KHZ_24(24_000);

    private final int hertz;

    AudioRate(int hertz) {
        this.hertz = hertz;
    }

    public int hertz() {
        return hertz;
    }

    /** The rate of {@code hertz} samples a second, if it is one of the two. */
    public static Optional<AudioRate> of(int hertz) {
        for (AudioRate rate : values()) {
            if (rate.hertz == hertz) {
                return Optional.of(rate);
            }
        }
        return Optional.empty();
    }

    /** How many whole samples fit in {@code duration} (rounded down, also for a negative duration). */
    public long samplesIn(Duration duration) {
        return samplesIn(duration, hertz);
    }

    static long samplesIn(Duration duration, int hertz) {
        return Math.floorDiv(duration.toNanos() * hertz, 1_000_000_000L);
    }

    /** How long {@code samples} samples last, to the nanosecond (rounded down). */
    public Duration durationOf(long samples) {
        return Duration.ofNanos(samples * 1_000_000_000L / hertz);
    }
}
