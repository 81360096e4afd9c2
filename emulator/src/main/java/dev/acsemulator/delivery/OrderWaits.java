package dev.acsemulator.delivery;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order waits of every callback POST in flight, watched by one check instead of a timer each: a POST that has had
 * no answer for {@code wait} lets its connection's next event go ({@link CallbackDispatcher#ORDER_WAIT}).
 *
 * <p>A timer per POST, scheduled before it and cancelled when it was answered, woke the scheduler's thread for nearly
 * every callback (a cancelled task stays queued until it comes due) and cost a sorted insert on the event loop. Every
 * wait has the same length, so waits come due in the order they began: they queue in that order, and one check, run
 * while any wait is pending and at most every {@code tick}, releases those that are due. A wait is therefore released
 * between {@code wait} and {@code wait + tick} after it began, never before; a settled one is forgotten. Thread-safe.
 */
final class OrderWaits {

    private static final Logger LOG = LoggerFactory.getLogger(OrderWaits.class);

    /** One POST's wait: released when due unless it settled first. */
    static final class Wait {
        private final long dueNanos;
        private volatile Runnable release;

        private Wait(long dueNanos, Runnable release) {
            this.dueNanos = dueNanos;
            this.release = release;
        }

        /** The POST was answered (or failed): its wait ends without a release, and lets go of what it held. */
        void settled() {
            release = null;
        }
    }

    private final ScheduledExecutorService scheduler;
    private final long waitNanos;
    private final long tickNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentLinkedQueue<Wait> waits = new ConcurrentLinkedQueue<>();
    /** A check is scheduled (or running): watching a wait then costs no timer. */
    private final AtomicBoolean checking = new AtomicBoolean();

    /** @param nanoTime a monotonic ticker in nanoseconds ({@code System::nanoTime}): the waits are real time */
    OrderWaits(ScheduledExecutorService scheduler, Duration wait, Duration tick, LongSupplier nanoTime) {
        this.scheduler = scheduler;
        this.waitNanos = wait.toNanos();
        this.tickNanos = tick.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Starts a POST's wait: {@code release} runs on the scheduler once it is due, unless it {@link Wait#settled}. */
    Wait watch(Runnable release) {
        Wait wait = new Wait(nanoTime.getAsLong() + waitNanos, release);
        waits.add(wait);
        if (checking.compareAndSet(false, true)) {
            checkIn(waitNanos);
        }
        return wait;
    }

    /** Waits begun and not yet due or released (settled ones included until they come due). */
    int pending() {
        return waits.size();
    }

    private void check() {
        long now = nanoTime.getAsLong();
        Wait head;
        while ((head = waits.peek()) != null && head.dueNanos - now <= 0) {
            waits.poll();
            Runnable release = head.release;
            if (release != null) {
                head.release = null;
                try {
                    release.run();
                } catch (RuntimeException e) { // the other waits are still released
                    LOG.error("Releasing a callback's order wait failed", e);
                }
            }
        }
        if (head != null) {
            checkIn(Math.max(head.dueNanos - now, tickNanos));
            return;
        }
        checking.set(false);
        // A wait that arrived between the last peek and the flag going down found a check still running.
        if (!waits.isEmpty() && checking.compareAndSet(false, true)) {
            checkIn(tickNanos);
        }
    }

    private void checkIn(long nanos) {
        try {
            scheduler.schedule(this::check, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            checking.set(false); // the emulator is closing: nothing is delivered any more
        }
    }
}
