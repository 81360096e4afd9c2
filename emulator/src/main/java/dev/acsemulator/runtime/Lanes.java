package dev.acsemulator.runtime;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A fixed set of single-threaded lanes; a key (a call's id) always maps to the same lane. Cancelled tasks leave their
 * queue at once (an answered call's ring timeout is cancelled, and must not be held until it would have fired).
 */
public final class Lanes implements LaneSource {

    private final ScheduledExecutorService[] executors;
    private final Lane[] lanes;
    private final boolean owned;

    /** Lanes on executors someone else owns and closes (the emulator's event loops). */
    public Lanes(List<? extends ScheduledExecutorService> shared) {
        executors = shared.toArray(ScheduledExecutorService[]::new);
        lanes = new Lane[executors.length];
        for (int i = 0; i < executors.length; i++) {
            lanes[i] = new ExecutorLane(executors[i]);
        }
        owned = false;
    }

    /** Lanes on {@code count} threads of their own. */
    public Lanes(int count) {
        owned = true;
        executors = new ScheduledExecutorService[count];
        lanes = new Lane[count];
        ThreadFactory threads = DaemonThreads.named("acs-call-lane-");
        for (int i = 0; i < count; i++) {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, threads);
            // An answered call's ring timeout is cancelled: drop it from the queue now, not when it would have fired.
            executor.setRemoveOnCancelPolicy(true);
            executors[i] = executor;
            lanes[i] = new ExecutorLane(executors[i]);
        }
    }

    @Override
    public Lane forKey(String key) {
        return lanes[Math.floorMod(key.hashCode(), lanes.length)];
    }

    @Override
    public void close() {
        if (!owned) {
            return;
        }
        for (ScheduledExecutorService executor : executors) {
            executor.shutdownNow();
        }
    }

    private record ExecutorLane(ScheduledExecutorService executor) implements Lane {

        @Override
        public void execute(Runnable task) {
            executor.execute(task);
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable task) {
            ScheduledFuture<?> future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        }
    }
}
