package dev.acsemulator.faults;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The stream fault, if any, that a rule picked for one socket as it opens, and how it acts on that socket: a refused
 * open fails as a refused handshake does; a dropped socket sends its first {@code afterFrames} frames and is dropped,
 * without a close frame, when the next would go out; a delayed socket sends every frame after one delay drawn at the
 * open, on the scheduler, so its frames keep their order. Shared by the media stream and transcription decorators.
 */
final class StreamSocketFaults {

    private static final StreamSocketFaults NONE = new StreamSocketFaults(null, 0, null);

    private final Fault fault;
    private final long delayMillis;
    private final ScheduledExecutorService scheduler;
    private final AtomicInteger sent = new AtomicInteger();

    private StreamSocketFaults(Fault fault, long delayMillis, ScheduledExecutorService scheduler) {
        this.fault = fault;
        this.delayMillis = delayMillis;
        this.scheduler = scheduler;
    }

    /** Asks the rules for a stream fault for this socket (journaled by the rules when one applies). */
    static StreamSocketFaults pick(FaultRules rules, FaultContext context, ScheduledExecutorService scheduler) {
        Fault fault = rules.pick(Fault.Site.STREAM, context).orElse(null);
        if (fault == null) {
            return NONE;
        }
        long delay = 0;
        if (fault instanceof Fault.DelayStreamFrames delayed) {
            synchronized (rules.random()) {
                delay = delayed.delay().sample(rules.random()).toMillis();
            }
        }
        return new StreamSocketFaults(fault, delay, scheduler);
    }

    /** Opens the socket, or fails at once when the fault refuses it. */
    <S> CompletableFuture<S> open(String transportUrl, Supplier<CompletableFuture<S>> open) {
        if (fault instanceof Fault.RefuseStream) {
            return CompletableFuture.failedFuture(new IOException("injected: the WebSocket handshake with "
                    + transportUrl + " was refused by a fault rule"));
        }
        return open.get();
    }

    /** Sends one frame through {@code send}, or drops the socket through {@code abort}, as the fault says. */
    boolean send(BooleanSupplier send, Runnable abort) {
        if (fault instanceof Fault.DropStream drop) {
            if (sent.get() >= drop.afterFrames()) {
                abort.run();
                return false;
            }
            sent.incrementAndGet();
            return send.getAsBoolean();
        }
        if (fault instanceof Fault.DelayStreamFrames) {
            scheduler.schedule(send::getAsBoolean, delayMillis, TimeUnit.MILLISECONDS);
            return true;
        }
        return send.getAsBoolean();
    }
}
