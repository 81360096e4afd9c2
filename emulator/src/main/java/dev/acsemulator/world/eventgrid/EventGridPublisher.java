package dev.acsemulator.world.eventgrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.delivery.DeliveryJournal;
import dev.acsemulator.delivery.RetryPolicy;
import dev.acsemulator.delivery.WebhookClient;
import dev.acsemulator.events.EventGridEventWriter;
import dev.acsemulator.events.IncomingCallEvent;
import dev.acsemulator.world.IdSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers Event Grid schema events to webhook subscriptions (§5.3, §5.4). A subscription is validated with the
 * SubscriptionValidation handshake before its first delivery (HTTP 200 with the matching {@code validationResponse};
 * 202 does not count); a failed handshake is tried again before the next delivery. Deliveries are not retried on
 * 400, 401 and 413, as Event Grid does not retry them.
 */
public final class EventGridPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(EventGridPublisher.class);

    private final EventGridEventWriter writer;
    private final WebhookClient client;
    private final RetryPolicy retryPolicy;
    private final DeliveryJournal journal;
    private final ScheduledExecutorService scheduler;
    private final IdSource ids;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final Map<String, CompletableFuture<Boolean>> validations = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

    public EventGridPublisher(EventGridEventWriter writer, WebhookClient client, RetryPolicy retryPolicy,
                              DeliveryJournal journal, ScheduledExecutorService scheduler, IdSource ids, Clock clock,
                              ObjectMapper mapper) {
        this.writer = writer;
        this.client = client;
        this.retryPolicy = retryPolicy;
        this.journal = journal;
        this.scheduler = scheduler;
        this.ids = ids;
        this.clock = clock;
        this.mapper = mapper;
    }

    public void publish(EventGridSubscription subscription, IncomingCallEvent event, String serverCallId,
                        String eventId) {
        byte[] body = writer.incomingCall(event, eventId, clock.instant());
        inFlight.incrementAndGet();
        validated(subscription).thenAccept(valid -> {
            if (valid) {
                deliver(subscription, eventId, body, serverCallId, 1);
            } else {
                inFlight.decrementAndGet();
                journal.record(serverCallId, new DeliveryJournal.AttemptRecord(eventId, "IncomingCall",
                        subscription.endpoint(), 0, clock.instant(), 0, "subscription not validated", "dropped"));
            }
        });
    }

    /** Event Grid events accepted but not yet delivered or given up. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Forgets a subscription's handshake (it was deleted or replaced). */
    public void forget(String subscriptionName) {
        validations.remove(subscriptionName);
    }

    /** Starts the handshake now (at startup), so a running application is validated before the first call. */
    public CompletableFuture<Boolean> validated(EventGridSubscription subscription) {
        CompletableFuture<Boolean> validation = validations.computeIfAbsent(subscription.name(),
                name -> handshake(subscription));
        return validation.thenApply(valid -> {
            if (!valid) {
                validations.remove(subscription.name(), validation);
            }
            return valid;
        });
    }

    private CompletableFuture<Boolean> handshake(EventGridSubscription subscription) {
        String code = ids.guid().toUpperCase();
        String validationUrl = subscription.endpoint() + "?validationCode=" + code;
        byte[] body = writer.subscriptionValidation(ids.guid(), code, validationUrl, clock.instant());
        Map<String, String> headers = Map.of("aeg-event-type", "SubscriptionValidation",
                "aeg-subscription-name", subscription.name().toUpperCase(),
                "aeg-data-version", "1.0", "aeg-metadata-version", "1", "aeg-delivery-count", "0");
        return client.post(URI.create(subscription.endpoint()), headers, body).thenApply(attempt -> {
            boolean valid = attempt.status() == 200 && code.equals(validationResponse(attempt.body()));
            if (valid) {
                LOG.info("Event Grid subscription {} validated at {}", subscription.name(), subscription.endpoint());
            } else {
                LOG.warn("Event Grid subscription {} at {} failed validation: {}", subscription.name(),
                        subscription.endpoint(), attempt.error() != null ? attempt.error().toString()
                                : "HTTP " + attempt.status());
            }
            return valid;
        });
    }

    private String validationResponse(String body) {
        if (body == null) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(body);
            JsonNode response = node == null ? null : node.get("validationResponse");
            return response != null && response.isTextual() ? response.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void deliver(EventGridSubscription subscription, String eventId, byte[] body, String serverCallId,
                         int attemptNumber) {
        Map<String, String> headers = Map.of("aeg-event-type", "Notification",
                "aeg-subscription-name", subscription.name().toUpperCase(),
                "aeg-data-version", "1.0", "aeg-metadata-version", "1",
                "aeg-delivery-count", Integer.toString(attemptNumber - 1));
        client.post(URI.create(subscription.endpoint()), headers, body).thenAccept(attempt -> {
            String outcome;
            if (attempt.succeeded()) {
                outcome = "delivered";
            } else if (noRetry(attempt) || !retryPolicy.shouldRetry(attempt, attemptNumber)) {
                outcome = "failed";
            } else {
                outcome = "retrying";
                scheduler.schedule(() -> deliver(subscription, eventId, body, serverCallId, attemptNumber + 1),
                        retryPolicy.backoff(attemptNumber).toMillis(), TimeUnit.MILLISECONDS);
            }
            journal.record(serverCallId, new DeliveryJournal.AttemptRecord(eventId, "IncomingCall",
                    subscription.endpoint(), attemptNumber, clock.instant(), attempt.status(),
                    attempt.error() == null ? null : attempt.error().toString(), outcome));
            if (!outcome.equals("retrying")) {
                inFlight.decrementAndGet();
            }
        });
    }

    private static boolean noRetry(WebhookClient.Attempt attempt) {
        return attempt.status() == 400 || attempt.status() == 401 || attempt.status() == 413;
    }
}
