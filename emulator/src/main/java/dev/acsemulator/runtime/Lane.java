package dev.acsemulator.runtime;

import java.time.Duration;

/**
 * A serial executor: tasks given to one lane run one at a time, in order. Every call's state is mutated only on its
 * lane, so the domain needs no locks. Delays are scheduled on the lane, never slept.
 */
public interface Lane {

    void execute(Runnable task);

    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that may still be called off. */
    @FunctionalInterface
    interface Cancellable {
        Cancellable NONE = () -> { };

        void cancel();
    }
}
