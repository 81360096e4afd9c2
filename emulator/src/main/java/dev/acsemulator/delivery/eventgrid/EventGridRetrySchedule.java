package dev.acsemulator.delivery.eventgrid;

import dev.acsemulator.delivery.RetrySchedule;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Event Grid's delivery retry schedule (D-EGRETRY): 10 s, 30 s, 1 min, 5 min, 10 min, 30 min, 1 h, 3 h, 6 h, then
 * every 12 h; compressed by a time scale so that a test sees the real sequence in milliseconds. A subscription bounds
 * it by its maximum delivery attempts and its event time to live; 400, 401 and 413 are never retried.
 */
public record EventGridRetrySchedule(double timeScale) {

    private static final List<Duration> DELAYS = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6));
    private static final Duration THEREAFTER = Duration.ofHours(12);

    public EventGridRetrySchedule {
        if (timeScale <= 0 || timeScale > 1) {
            throw new IllegalArgumentException("the Event Grid retry time scale must be in (0, 1]");
        }
    }

    /** The wait after failed attempt {@code attempt} (1-based), scaled. */
    public Duration after(int attempt) {
        Duration delay = attempt <= DELAYS.size() ? DELAYS.get(attempt - 1) : THEREAFTER;
        return Duration.ofNanos((long) (delay.toNanos() * timeScale));
    }

    /** The event's time to live, scaled the same way. */
    public Duration scaled(Duration timeToLive) {
        return Duration.ofNanos((long) (timeToLive.toNanos() * timeScale));
    }

    /**
     * The schedule of one subscription's events: another attempt while attempts are left and the next one would
     * start within the event's time to live, counted from the first attempt along the schedule's own waits.
     */
    public RetrySchedule forSubscription(int maxDeliveryAttempts, Duration eventTimeToLive) {
        Duration timeToLive = scaled(eventTimeToLive);
        return (attemptNumber, attempt) -> {
            int status = attempt.status();
            if (status == 400 || status == 401 || status == 413 || attemptNumber >= maxDeliveryAttempts) {
                return Optional.empty();
            }
            Duration nextStartsAt = Duration.ZERO;
            for (int failed = 1; failed <= attemptNumber; failed++) {
                nextStartsAt = nextStartsAt.plus(after(failed));
            }
            return nextStartsAt.compareTo(timeToLive) > 0 ? Optional.empty() : Optional.of(after(attemptNumber));
        };
    }
}
