package dev.acsemulator.activity;

import dev.acsemulator.call.CausingRequest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Call Automation requests being served, known by their {@link CausingRequest} (the answer-written stage the REST
 * front hands to the operation and every lane hop carries). When a request's work records its first item in a call,
 * the request's own item gets the number before it, so CreateCall's arrow comes before the call's first note even
 * though the request is only recorded once it is answered.
 */
final class CausingRequests {

    /** One request in flight: when it arrived, and the number it holds in each call its work touched. */
    static final class InFlight {
        final Instant arrived;
        final long startedNanos;
        final Map<CallActivity, Long> reserved = new LinkedHashMap<>(2);

        InFlight(Instant arrived, long startedNanos) {
            this.arrived = arrived;
            this.startedNanos = startedNanos;
        }
    }

    private final Map<CompletionStage<Void>, InFlight> inFlight = new ConcurrentHashMap<>();

    void arrived(CompletionStage<Void> answered, InFlight request) {
        inFlight.put(answered, request);
    }

    InFlight answered(CompletionStage<Void> answered) {
        return inFlight.remove(answered);
    }

    /** If this thread works for a request in flight that holds no number in {@code activity} yet, one is held now. */
    void holdNumberIn(CallActivity activity) {
        if (inFlight.isEmpty()) {
            return;
        }
        InFlight request = inFlight.get(CausingRequest.answered());
        if (request != null) {
            synchronized (request) {
                request.reserved.computeIfAbsent(activity, CallActivity::reserve);
            }
        }
    }
}
