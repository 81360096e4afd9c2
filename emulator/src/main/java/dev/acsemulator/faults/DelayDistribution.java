package dev.acsemulator.faults;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long an injected delay lasts (WireMock's DelayDistribution): fixed, uniform between two bounds, or lognormal
 * around a median. Sampled from the emulator's seeded source, so a seeded run draws the same delays.
 */
public record DelayDistribution(Kind kind, long millis, long minMillis, long maxMillis, double sigma) {

    /** The shape of the distribution. */
    public enum Kind { FIXED, UNIFORM, LOGNORMAL }

    public static DelayDistribution fixed(long millis) {
        return new DelayDistribution(Kind.FIXED, millis, 0, 0, 0);
    }

    public static DelayDistribution uniform(long minMillis, long maxMillis) {
        return new DelayDistribution(Kind.UNIFORM, 0, minMillis, maxMillis, 0);
    }

    /** Lognormal with the given median; {@code sigma} is the standard deviation of the underlying normal. */
    public static DelayDistribution lognormal(long medianMillis, double sigma) {
        return new DelayDistribution(Kind.LOGNORMAL, medianMillis, 0, 0, sigma);
    }

    public DelayDistribution {
        if (millis < 0 || minMillis < 0 || maxMillis < minMillis || sigma < 0) {
            throw new IllegalArgumentException("delays must be non-negative, with min <= max");
        }
    }

    public Duration sample(RandomGenerator random) {
        return Duration.ofMillis(switch (kind) {
            case FIXED -> millis;
            case UNIFORM -> minMillis == maxMillis ? minMillis : random.nextLong(minMillis, maxMillis + 1);
            case LOGNORMAL -> Math.round(millis * Math.exp(random.nextGaussian() * sigma));
        });
    }
}
