package dev.acsemulator.world;

import dev.acsemulator.runtime.Lane;
import dev.acsemulator.runtime.VirtualClock;
import dev.acsemulator.runtime.VirtualTimeLanes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Event Grid event is due its latency after it was raised, on the lane's (here manual) clock, and never before the
 * answer that caused it.
 */
class EventGridLatencyTest {

    private final VirtualTimeLanes lanes = new VirtualTimeLanes(new VirtualClock(Instant.parse("2026-01-01T00:00:00Z")),
            VirtualTimeLanes.Mode.MANUAL, () -> false, Duration.ofMillis(200));
    private final Lane lane = lanes.forKey("call-1");

    @AfterEach
    void close() {
        lanes.close();
    }

    private void advance(Duration by) throws Exception {
        lanes.advance(by).get(5, TimeUnit.SECONDS);
    }

    @Test
    void nothingIsDueBeforeTheAnswerIsWrittenHoweverLongItTakes() throws Exception {
        CompletableFuture<Void> answered = new CompletableFuture<>();
        CompletableFuture<Void> due = new EventGridLatency(Duration.ZERO).due(answered, lane).toCompletableFuture();

        advance(Duration.ofMinutes(5));
        assertThat(due).isNotDone();

        answered.complete(null);
        assertThat(due).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void theLatencyIsCountedFromWhenTheEventWasRaisedOnTheLanesClock() throws Exception {
        CompletableFuture<Void> answered = new CompletableFuture<>();
        CompletableFuture<Void> due = new EventGridLatency(Duration.ofMillis(500)).due(answered, lane)
                .toCompletableFuture();
        answered.complete(null);

        advance(Duration.ofMillis(499));
        assertThat(due).isNotDone();
        advance(Duration.ofMillis(1));
        assertThat(due).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void anAnswerWrittenAfterTheLatencyReleasesTheEventAtOnce() throws Exception {
        CompletableFuture<Void> answered = new CompletableFuture<>();
        CompletableFuture<Void> due = new EventGridLatency(Duration.ofMillis(500)).due(answered, lane)
                .toCompletableFuture();

        advance(Duration.ofSeconds(1));
        assertThat(due).isNotDone();
        answered.complete(null);
        assertThat(due).succeedsWithin(Duration.ofSeconds(5));
    }
}
