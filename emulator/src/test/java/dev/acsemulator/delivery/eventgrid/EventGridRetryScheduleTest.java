package dev.acsemulator.delivery.eventgrid;

import dev.acsemulator.delivery.RetrySchedule;
import dev.acsemulator.delivery.WebhookClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class EventGridRetryScheduleTest {

    private static final WebhookClient.Attempt UNAVAILABLE = new WebhookClient.Attempt(503, null, null);
    private static final WebhookClient.Attempt REFUSED = new WebhookClient.Attempt(0, null, new IOException("refused"));

    @Test
    void failedAttemptsWaitOnEventGridsScheduleCompressedByTheTimeScale() {
        RetrySchedule retries = new EventGridRetrySchedule(0.001).forSubscription(30, Duration.ofDays(1));

        assertThat(retries.retryAfter(1, UNAVAILABLE)).contains(Duration.ofMillis(10));
        assertThat(retries.retryAfter(2, REFUSED)).contains(Duration.ofMillis(30));
        assertThat(retries.retryAfter(3, UNAVAILABLE)).contains(Duration.ofMillis(60));
        assertThat(retries.retryAfter(10, UNAVAILABLE)).contains(Duration.ofHours(12).dividedBy(1000));
        assertThat(retries.retryAfter(11, UNAVAILABLE)).as("past the day the event lives").isEmpty();
    }

    @Test
    void badRequestUnauthorizedAndTooLargeAreNeverRetried() {
        RetrySchedule retries = new EventGridRetrySchedule(1).forSubscription(30, Duration.ofDays(1));

        for (int status : new int[] {400, 401, 413}) {
            assertThat(retries.retryAfter(1, new WebhookClient.Attempt(status, null, null))).isEmpty();
        }
        assertThat(retries.retryAfter(1, new WebhookClient.Attempt(404, null, null))).isPresent();
    }

    @Test
    void aSubscriptionsAttemptsAndTimeToLiveEndTheRetries() {
        RetrySchedule threeAttempts = new EventGridRetrySchedule(1).forSubscription(3, Duration.ofDays(1));
        assertThat(threeAttempts.retryAfter(2, UNAVAILABLE)).isPresent();
        assertThat(threeAttempts.retryAfter(3, UNAVAILABLE)).isEmpty();

        // 10 s + 30 s = 40 s: a third attempt fits a 40-second time to live, a fourth (at 100 s) does not.
        RetrySchedule fortySeconds = new EventGridRetrySchedule(1).forSubscription(30, Duration.ofSeconds(40));
        assertThat(fortySeconds.retryAfter(2, UNAVAILABLE)).contains(Duration.ofSeconds(30));
        assertThat(fortySeconds.retryAfter(3, UNAVAILABLE)).isEmpty();
    }
}
