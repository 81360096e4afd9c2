package dev.acsemulator.delivery.eventgrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.delivery.DeliveryJournal;
import dev.acsemulator.delivery.DeliveryOutcome;
import dev.acsemulator.delivery.RetrySchedule;
import dev.acsemulator.delivery.WebhookClient;
import dev.acsemulator.events.EventGridEventWriter;
import dev.acsemulator.events.EventGridEvent;
import dev.acsemulator.events.EventGridEventType;
import dev.acsemulator.logging.DeliveryLog;
import dev.acsemulator.runtime.IdSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers the resource's system events (IncomingCall today) to webhook subscriptions as Event Grid does
 * (call-automation-behaviour.md §5.3, §5.4). An event leaves when its publisher says it is due (after Event Grid's
 * latency, and never before the answer to the request that caused it). Before
 * the first delivery a subscription is validated: Event Grid schema by the SubscriptionValidation POST (HTTP 200 with
 * the matching {@code validationResponse}; 202 does not count), CloudEvents schema by the OPTIONS abuse-protection
 * handshake ({@code WebHook-Allowed-Origin}). A failed handshake is tried again before the next delivery. Failed
 * deliveries are retried on Event Grid's schedule (time-compressible), within the subscription's attempts and time to
 * live, except 400, 401 and 413, which Event Grid never retries. Event Grid waits 30 s for an answer
 * ({@link #RESPONSE_WAIT}); the {@link WebhookClient} given to it should wait as long.
 */
public final class EventGridPublisher {

    /**
     * How long Event Grid waits for a webhook's answer before it counts the delivery as failed
     * (call-automation-behaviour.md §5.4). Applications that answer the call from an IncomingCall without answering
     * its POST, as Microsoft's samples do, get the event again only after it, when Event Grid retries.
     */
    public static final Duration RESPONSE_WAIT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(EventGridPublisher.class);
    private static final String ORIGIN = "eventgrid.azure.net";

    private final EventGridEventWriter writer;
    private final WebhookClient client;
    private final EventGridRetrySchedule schedule;
    private final DeliveryJournal journal;
    private final ScheduledExecutorService scheduler;
    private final IdSource ids;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final DeliveryLog log;
    private final Map<String, CompletableFuture<Boolean>> validations = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    /** One event on its way to one subscription. */
    private record Delivery(EventGridSubscription subscription, EventGridEventType type, String eventId, byte[] body,
                            String serverCallId, RetrySchedule retries) { }

    public EventGridPublisher(EventGridEventWriter writer, WebhookClient client, EventGridRetrySchedule schedule,
                              DeliveryJournal journal, ScheduledExecutorService scheduler, IdSource ids, Clock clock,
                              ObjectMapper mapper, DeliveryLog log) {
        this.writer = writer;
        this.client = client;
        this.schedule = schedule;
        this.journal = journal;
        this.scheduler = scheduler;
        this.ids = ids;
        this.clock = clock;
        this.mapper = mapper;
        this.log = log;
    }

    /**
     * Sends {@code event}, stamped now, to one subscription once {@code due} completes. It counts as in flight only
     * from then: until it is due it waits on a timer, which virtual time may jump to.
     */
    public void publish(EventGridSubscription subscription, EventGridEvent event, String serverCallId, String eventId,
                        CompletionStage<Void> due) {
        byte[] body = subscription.schema() == EventGridSubscription.Schema.CLOUD_EVENTS
                ? writer.cloudEventSchema(event, eventId, clock.instant())
                : writer.eventGridSchema(event, eventId, clock.instant());
        Delivery delivery = new Delivery(subscription, event.type(), eventId, body, serverCallId,
                schedule.forSubscription(subscription.maxDeliveryAttempts(), subscription.eventTimeToLive()));
        due.thenCompose(ready -> {
            inFlight.incrementAndGet();
            return validated(subscription);
        }).thenAccept(valid -> {
            if (valid) {
                attempt(delivery, 1);
            } else {
                finish(delivery, 0, null, "subscription not validated", DeliveryOutcome.DROPPED);
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
        CompletableFuture<Boolean> result = subscription.schema() == EventGridSubscription.Schema.CLOUD_EVENTS
                ? client.options(URI.create(subscription.endpoint()), Map.of("WebHook-Request-Origin", ORIGIN))
                        .thenApply(attempt -> attempt.status() == 200
                                && (ORIGIN.equals(attempt.header("WebHook-Allowed-Origin"))
                                || "*".equals(attempt.header("WebHook-Allowed-Origin"))))
                : validationPost(subscription);
        return result.thenApply(valid -> {
            if (valid) {
                LOG.info("Event Grid subscription {} validated at {}", subscription.name(), subscription.endpoint());
            } else {
                LOG.warn("Event Grid subscription {} at {} failed validation", subscription.name(),
                        subscription.endpoint());
            }
            return valid;
        });
    }

    private CompletableFuture<Boolean> validationPost(EventGridSubscription subscription) {
        String code = ids.guid().toUpperCase();
        String validationUrl = subscription.endpoint() + "?validationCode=" + code;
        byte[] body = writer.subscriptionValidation(ids.guid(), code, validationUrl, clock.instant());
        Map<String, String> headers = Map.of("aeg-event-type", "SubscriptionValidation",
                "aeg-subscription-name", subscription.name().toUpperCase(),
                "aeg-data-version", "1.0", "aeg-metadata-version", "1", "aeg-delivery-count", "0");
        return client.post(URI.create(subscription.endpoint()), headers, body)
                .thenApply(attempt -> attempt.status() == 200 && code.equals(validationResponse(attempt.body())));
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

    private void attempt(Delivery delivery, int attemptNumber) {
        EventGridSubscription subscription = delivery.subscription();
        boolean cloudEvents = subscription.schema() == EventGridSubscription.Schema.CLOUD_EVENTS;
        Map<String, String> headers = Map.of("aeg-event-type", "Notification",
                "aeg-subscription-name", subscription.name().toUpperCase(),
                "aeg-data-version", "1.0", "aeg-metadata-version", "1",
                "aeg-delivery-count", Integer.toString(attemptNumber - 1));
        long started = log.attemptStarted();
        client.post(URI.create(subscription.endpoint()), headers, delivery.body(), cloudEvents
                ? "application/cloudevents+json; charset=utf-8" : "application/json; charset=utf-8")
                .thenAccept(attempt -> {
                    log.eventGridAttempt(delivery.type().shortName(), subscription.name(), subscription.endpoint(),
                            delivery.serverCallId(), delivery.eventId(), attemptNumber, attempt.status(),
                            attempt.error(), started);
                    String error = attempt.error() == null ? null : attempt.error().toString();
                    if (attempt.succeeded()) {
                        finish(delivery, attemptNumber, attempt.status(), error, DeliveryOutcome.DELIVERED);
                        return;
                    }
                    Optional<Duration> retryAfter = delivery.retries().retryAfter(attemptNumber, attempt);
                    if (retryAfter.isPresent()) {
                        record(delivery, attemptNumber, attempt.status(), error, DeliveryOutcome.RETRYING);
                        scheduler.schedule(() -> attempt(delivery, attemptNumber + 1), retryAfter.get().toNanos(),
                                TimeUnit.NANOSECONDS);
                    } else {
                        finish(delivery, attemptNumber, attempt.status(), error, DeliveryOutcome.FAILED);
                    }
                });
    }

    private void finish(Delivery delivery, int attemptNumber, Integer status, String error, DeliveryOutcome outcome) {
        record(delivery, attemptNumber, status, error, outcome);
        inFlight.decrementAndGet();
    }

    private void record(Delivery delivery, int attemptNumber, Integer status, String error, DeliveryOutcome outcome) {
        journal.record(delivery.serverCallId(), new DeliveryJournal.AttemptRecord(delivery.eventId(),
                delivery.type().shortName(),
                delivery.subscription().endpoint(), attemptNumber, clock.instant(), status == null ? 0 : status,
                error, outcome));
    }
}
