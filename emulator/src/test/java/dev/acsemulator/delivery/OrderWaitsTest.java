package dev.acsemulator.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The order waits of callback POSTs in flight: released once due and never before, in the order they began, never
 * once settled, and all watched by one scheduled check rather than a timer each. The ticker the waits are measured on
 * is moved by hand; the checks run on a real scheduler.
 */
class OrderWaitsTest {

    private static final Duration WAIT = Duration.ofMillis(20);
    private static final Duration TICK = Duration.ofMillis(5);

    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    private final AtomicLong now = new AtomicLong();
    private final OrderWaits waits = new OrderWaits(scheduler, WAIT, TICK, now::get);
    private final List<String> released = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void anUnansweredPostIsReleasedOnceItsWaitIsDueAndNeverBefore() {
        waits.watch(() -> released.add("first"));
        awaitChecks(3);
        now.addAndGet(WAIT.toNanos() - 1);
        awaitChecks(2);
        assertThat(released).isEmpty();

        now.addAndGet(1);

        await().atMost(Duration.ofSeconds(5)).until(() -> released.equals(List.of("first")));
        assertThat(waits.pending()).isZero();
    }

    @Test
    void aPostAnsweredWithinItsWaitIsNeverReleased() {
        OrderWaits.Wait answered = waits.watch(() -> released.add("answered"));
        answered.settled();

        now.addAndGet(WAIT.toNanos() * 2);

        await().atMost(Duration.ofSeconds(5)).until(() -> waits.pending() == 0 && scheduler.getQueue().isEmpty()
                && scheduler.getActiveCount() == 0);
        assertThat(released).isEmpty();
    }

    @Test
    void waitsAreReleasedInTheOrderTheyBeganEachWhenItIsDue() {
        waits.watch(() -> released.add("first"));
        now.addAndGet(WAIT.toNanos() / 2);
        waits.watch(() -> released.add("second"));

        now.addAndGet(WAIT.toNanos() / 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> released.equals(List.of("first")));
        awaitChecks(2);
        assertThat(released).containsExactly("first");

        now.addAndGet(WAIT.toNanos() / 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> released.equals(List.of("first", "second")));
    }

    @Test
    void aThousandPostsInFlightHoldOneScheduledCheckRatherThanATimerEach() {
        for (int i = 0; i < 1000; i++) {
            waits.watch(() -> released.add("any"));
        }

        assertThat(scheduler.getQueue()).hasSize(1);
        assertThat(waits.pending()).isEqualTo(1000);
    }

    @Test
    void theCheckStopsWhenNothingWaitsAndStartsAgainForTheNextPost() {
        waits.watch(() -> released.add("first"));
        now.addAndGet(WAIT.toNanos());
        await().atMost(Duration.ofSeconds(5)).until(() -> released.size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> scheduler.getQueue().isEmpty());

        waits.watch(() -> released.add("second"));
        now.addAndGet(WAIT.toNanos());

        await().atMost(Duration.ofSeconds(5)).until(() -> released.equals(List.of("first", "second")));
    }

    /** Waits until the scheduler has run {@code count} more checks. */
    private void awaitChecks(int count) {
        long target = scheduler.getCompletedTaskCount() + count;
        await().atMost(Duration.ofSeconds(5)).until(() -> scheduler.getCompletedTaskCount() >= target);
    }
}
