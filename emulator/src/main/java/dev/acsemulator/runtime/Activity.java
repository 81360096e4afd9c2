package dev.acsemulator.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Whether the emulator is doing anything: requests in flight, callbacks and Event Grid events still to deliver.
 * Virtual time only jumps forward when it is not.
 */
public final class Activity {

    private final AtomicInteger requestsInFlight = new AtomicInteger();
    private final List<IntSupplier> pendingWork = new CopyOnWriteArrayList<>();

    public void requestStarted() {
        requestsInFlight.incrementAndGet();
    }

    public void requestFinished() {
        requestsInFlight.decrementAndGet();
    }

    /** Adds a source of pending work (e.g. callbacks waiting in outboxes). */
    public void watch(IntSupplier pending) {
        pendingWork.add(pending);
    }

    public boolean busy() {
        if (requestsInFlight.get() > 0) {
            return true;
        }
        for (IntSupplier pending : pendingWork) {
            if (pending.getAsInt() > 0) {
                return true;
            }
        }
        return false;
    }
}
