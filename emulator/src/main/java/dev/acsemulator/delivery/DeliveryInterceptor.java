package dev.acsemulator.delivery;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Wraps each callback POST attempt; fault injection uses it to fail or slow deliveries. */
@FunctionalInterface
public interface DeliveryInterceptor {

    /** What is being delivered. */
    /** {@code about}: the raw id of the identity the event is about (the participant added, ...), or null. */
    record Delivery(String eventType, String callConnectionId, String serverCallId, String about, int attempt) { }

    DeliveryInterceptor NONE = (delivery, post) -> post.get();

    CompletableFuture<WebhookClient.Attempt> send(Delivery delivery,
                                                  Supplier<CompletableFuture<WebhookClient.Attempt>> post);
}
