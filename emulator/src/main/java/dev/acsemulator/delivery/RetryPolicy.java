package dev.acsemulator.delivery;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * When a failed callback POST is tried again. The real service's mid-call retry policy is undocumented
 * (call-automation-behaviour.md §6); the emulator retries transport errors, 408, 429 and 5xx with doubling backoff, a
 * bounded number of times, and gives up at once on other 4xx. A POST that was sent but not answered in time is not
 * sent again: the application has the event and may be acting on it (Microsoft's published sample applications answer
 * no callback at all and act on each event once; openapi/DEVIATIONS.md 54).
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) implements RetrySchedule {

    @Override
    public Optional<Duration> retryAfter(int attemptNumber, WebhookClient.Attempt attempt) {
        return shouldRetry(attempt, attemptNumber) ? Optional.of(backoff(attemptNumber)) : Optional.empty();
    }

    public boolean shouldRetry(WebhookClient.Attempt attempt, int attemptNumber) {
        if (attemptNumber > maxRetries) {
            return false;
        }
        if (attempt.error() instanceof HttpTimeoutException) {
            return false;
        }
        if (attempt.error() != null) {
            return true;
        }
        int status = attempt.status();
        return status == 408 || status == 429 || status >= 500;
    }

    public Duration backoff(int attemptNumber) {
        long millis = initialBackoff.toMillis() << Math.min(attemptNumber - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
