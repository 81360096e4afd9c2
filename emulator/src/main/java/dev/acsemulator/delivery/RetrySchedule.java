package dev.acsemulator.delivery;

import java.time.Duration;
import java.util.Optional;

/**
 * When a failed delivery is tried again. Callbacks ({@link RetryPolicy}) and Event Grid events
 * ({@code eventgrid.EventGridRetrySchedule}) follow different rules but answer the same question, so each delivery
 * engine asks it the same way and journals the answer with the same {@link DeliveryOutcome}s.
 */
@FunctionalInterface
public interface RetrySchedule {

    /**
     * The wait before the next attempt, after attempt {@code attemptNumber} (1-based) failed as {@code attempt}
     * says; empty to give up. A schedule decides from the attempt count alone (not from a clock), so a seeded run
     * under virtual time retries exactly as under real time.
     */
    Optional<Duration> retryAfter(int attemptNumber, WebhookClient.Attempt attempt);
}
