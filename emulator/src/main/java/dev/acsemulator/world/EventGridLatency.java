package dev.acsemulator.world;

import dev.acsemulator.runtime.Lane;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * When an event raised for a call reaches Event Grid's subscribers: {@code latency} after it was raised, timed on the
 * call's lane (so virtual time compresses it), and in any case not before the answer to the request that raised it
 * has been written. However short the latency, an application never hears of a call through Event Grid before it
 * has the answer that started it.
 */
public record EventGridLatency(Duration latency) {

    /**
     * Completes once {@code latency} has passed on {@code lane}'s clock, counted from now, and {@code answered} has
     * completed.
     */
    public CompletionStage<Void> due(CompletionStage<Void> answered, Lane lane) {
        CompletableFuture<Void> elapsed = new CompletableFuture<>();
        lane.schedule(latency, () -> elapsed.complete(null));
        return elapsed.thenCombine(answered, (timeUp, written) -> null);
    }
}
