package dev.acsemulator.call;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The REST request whose action is running on this thread, seen only as "its answer has been written". A side-channel
 * notification the action causes (IncomingCall through Event Grid) waits for it: the real service answers CreateCall
 * long before Event Grid can deliver the IncomingCall it raised, so an application that records state after
 * {@code await createCall(...)} must never be handed the IncomingCall first.
 *
 * <p>The REST front sets it while it hands a request to its operation; {@link CallContext#onLane} and every hop of an
 * action to another lane carry it along. Work with no causing request (a simulated person, the control API, a timer)
 * sees an answer that is already written.
 */
public final class CausingRequest {

    private static final CompletionStage<Void> NO_REQUEST = CompletableFuture.completedFuture(null);
    private static final ThreadLocal<CompletionStage<Void>> CURRENT = new ThreadLocal<>();

    private CausingRequest() {
    }

    /** Completes once the causing request's answer is written (at once when there is none). */
    public static CompletionStage<Void> answered() {
        CompletionStage<Void> current = CURRENT.get();
        return current == null ? NO_REQUEST : current;
    }

    /** Runs {@code work} as caused by a request whose answer is written when {@code answered} completes. */
    public static <T> T during(CompletionStage<Void> answered, Supplier<T> work) {
        CompletionStage<Void> previous = CURRENT.get();
        CURRENT.set(answered);
        try {
            return work.get();
        } finally {
            // Set back, not removed, when there was none: each lane task and request passes here, and removing the
            // thread's entry only to make it again on the next one costs more than the action's own bookkeeping.
            CURRENT.set(previous);
        }
    }

    /** {@code task}, to run later on another thread as caused by this thread's causing request. */
    public static Runnable carried(Runnable task) {
        CompletionStage<Void> answered = answered();
        return () -> during(answered, () -> {
            task.run();
            return null;
        });
    }
}
