package dev.acsemulator.world;

import dev.acsemulator.runtime.Lane;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * When an event raised for a call reaches Event Grid's subscribers: {@code latency} after the answer to the request
 * that raised it has been written, timed on the call's lane (so virtual time compresses it). However short the
 * latency, an application never hears of a call through Event Grid before it has the answer that started it.
 */
public record EventGridLatency(Duration latency) {

    /** Completes {@code latency} after {@code answered} completes, on {@code lane}'s clock. */
    public CompletionStage<Void> due(CompletionStage<Void> answered, Lane lane) {
        CompletableFuture<Void> due = new CompletableFuture<>();
        answered.whenComplete((written, error) -> lane.schedule(latency, () -> due.complete(null)));
        return due;
    }
}
