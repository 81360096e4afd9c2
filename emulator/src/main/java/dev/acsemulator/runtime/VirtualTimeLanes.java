package dev.acsemulator.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Virtual time: every call runs on one lane whose clock only moves to the next scheduled task. In {@link Mode#AUTO}
 * it moves there as soon as the emulator has been idle (no request in flight, no callback waiting) for a short real
 * grace, so a 30-second ring timeout passes in milliseconds while an application still gets to answer what it was
 * sent; in {@link Mode#MANUAL} it moves only when {@link #advance} is called. One lane and per-call id sequences make
 * a seeded scenario repeat exactly.
 */
public final class VirtualTimeLanes implements LaneSource, Lane {

    private static final Logger LOG = LoggerFactory.getLogger(VirtualTimeLanes.class);

    /** How virtual time moves forward. */
    public enum Mode { AUTO, MANUAL }

    private record Timed(Instant at, long sequence, Runnable task, boolean[] cancelled)
            implements Comparable<Timed> {
        @Override
        public int compareTo(Timed other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private record Advance(Instant until, CompletableFuture<Instant> done) { }

    private final VirtualClock clock;
    private final Mode mode;
    private final BooleanSupplier busy;
    private final long idleGraceNanos;
    private final PriorityQueue<Timed> queue = new PriorityQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread thread;
    private long sequence;
    private Advance pendingAdvance;
    private volatile boolean running = true;

    public VirtualTimeLanes(VirtualClock clock, Mode mode, BooleanSupplier busy, Duration idleGrace) {
        this.clock = clock;
        this.mode = mode;
        this.busy = busy;
        this.idleGraceNanos = idleGrace.toNanos();
        this.thread = new Thread(this::loop, "acs-virtual-time-lane");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public Lane forKey(String key) {
        return this;
    }

    @Override
    public void execute(Runnable task) {
        schedule(Duration.ZERO, task);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        lock.lock();
        try {
            queue.add(new Timed(clock.instant().plus(delay), sequence++, task, cancelled));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return () -> cancelled[0] = true;
    }

    /** Moves virtual time forward by {@code by}, running everything that falls due; completes with the new time. */
    public CompletableFuture<Instant> advance(Duration by) {
        CompletableFuture<Instant> done = new CompletableFuture<>();
        lock.lock();
        try {
            Instant from = pendingAdvance != null ? pendingAdvance.until() : clock.instant();
            pendingAdvance = new Advance(from.plus(by), done);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return done;
    }

    public Mode mode() {
        return mode;
    }

    public Instant now() {
        return clock.instant();
    }

    private void loop() {
        long idleSince = System.nanoTime();
        while (running) {
            Runnable next;
            lock.lock();
            try {
                next = nextDue();
                if (next == null) {
                    if (busy.getAsBoolean()) {
                        idleSince = System.nanoTime();
                    }
                    if (!moveTime(idleSince)) {
                        changed.await(Math.min(idleGraceNanos, TimeUnit.MILLISECONDS.toNanos(20)) + 1,
                                TimeUnit.NANOSECONDS);
                    }
                    continue;
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.error("A task on the virtual-time lane failed", e);
            }
            idleSince = System.nanoTime();
        }
    }

    /** The next task due now, skipping cancelled ones; called with the lock held. */
    private Runnable nextDue() {
        while (!queue.isEmpty() && !queue.peek().at().isAfter(clock.instant())) {
            Timed head = queue.poll();
            if (!head.cancelled()[0]) {
                return head.task();
            }
        }
        return null;
    }

    /** Moves the clock to the next task (or to a requested advance); false when time may not move now. */
    private boolean moveTime(long idleSince) {
        Timed head = queue.peek();
        if (pendingAdvance != null) {
            if (head != null && !head.at().isAfter(pendingAdvance.until())) {
                clock.set(head.at());
                return true;
            }
            clock.set(pendingAdvance.until());
            pendingAdvance.done().complete(clock.instant());
            pendingAdvance = null;
            return true;
        }
        if (mode == Mode.AUTO && head != null && System.nanoTime() - idleSince >= idleGraceNanos) {
            clock.set(head.at());
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
