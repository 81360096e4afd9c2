package dev.acsemulator.faults;

import dev.acsemulator.delivery.DeliveryInterceptor;
import dev.acsemulator.delivery.WebhookClient;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Callback POST faults: a matching attempt fails as if the webhook answered the rule's status (or did not answer,
 * for status 0) without reaching it, and is then retried like any failure; or it is held back by a delay.
 */
public final class DeliveryFaults implements DeliveryInterceptor {

    private final FaultRules rules;
    private final ScheduledExecutorService scheduler;

    public DeliveryFaults(FaultRules rules, ScheduledExecutorService scheduler) {
        this.rules = rules;
        this.scheduler = scheduler;
    }

    @Override
    public CompletableFuture<WebhookClient.Attempt> send(Delivery delivery,
                                                         Supplier<CompletableFuture<WebhookClient.Attempt>> post) {
        Optional<Fault> fault = rules.pick(Fault.Site.DELIVERY, new FaultContext(null, delivery.eventType(),
                delivery.callConnectionId(), delivery.serverCallId(), delivery.about()));
        if (fault.isEmpty()) {
            return post.get();
        }
        if (fault.get() instanceof Fault.FailDelivery failure) {
            return CompletableFuture.completedFuture(failure.status() == 0
                    ? new WebhookClient.Attempt(0, null, new IOException("injected: no answer from the webhook"))
                    : new WebhookClient.Attempt(failure.status(), "", null));
        }
        if (fault.get() instanceof Fault.SlowDelivery slow) {
            long millis;
            synchronized (rules.random()) {
                millis = slow.delay().sample(rules.random()).toMillis();
            }
            CompletableFuture<WebhookClient.Attempt> later = new CompletableFuture<>();
            scheduler.schedule(() -> post.get().whenComplete((attempt, error) -> {
                if (error != null) {
                    later.completeExceptionally(error);
                } else {
                    later.complete(attempt);
                }
            }), millis, TimeUnit.MILLISECONDS);
            return later;
        }
        return post.get();
    }
}
