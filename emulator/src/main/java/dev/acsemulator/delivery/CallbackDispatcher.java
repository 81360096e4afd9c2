package dev.acsemulator.delivery;

import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.EventTarget;
import dev.acsemulator.call.event.CallEventSink;
import dev.acsemulator.delivery.auth.CallbackTokenSigner;
import dev.acsemulator.events.CloudEventWriter;
import dev.acsemulator.logging.DeliveryLog;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers callback events (call-automation-behaviour.md §3): each event is serialized when it is emitted, then POSTed
 * alone with a fresh {@code Authorization: Bearer} JWT. Events of one connection go out in order, one at a time, each
 * finishing its retries before the next, unless a POST has had no answer for {@link #ORDER_WAIT}: then the next event
 * goes while it waits, as the service does not hold an application's events behind one it has not answered
 * (openapi/DEVIATIONS.md 54). Different connections never wait for each other, and nothing here blocks the caller.
 */
public final class CallbackDispatcher implements CallEventSink {

    /** How long a POST without an answer holds back its connection's next event. */
    static final Duration ORDER_WAIT = Duration.ofSeconds(1);
    /** How often, at most, the order waits are checked: a wait ends at most this long after ORDER_WAIT. */
    static final Duration ORDER_WAIT_TICK = Duration.ofMillis(50);

    private final CloudEventWriter writer;
    private final CallbackTokenSigner signer;
    private final String audience;
    private final WebhookClient client;
    private final RetrySchedule retryPolicy;
    private final DeliveryJournal journal;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final int maxQueuedPerConnection;
    private final DeliveryLog log;
    private volatile DeliveryInterceptor interceptor = DeliveryInterceptor.NONE;
    private final Map<String, Outbox> outboxes = new ConcurrentHashMap<>();
    private final OrderWaits orderWaits;
    private volatile ParsedUri lastUri;

    public CallbackDispatcher(CloudEventWriter writer, CallbackTokenSigner signer, String audience,
                              WebhookClient client, RetrySchedule retryPolicy, DeliveryJournal journal,
                              ScheduledExecutorService scheduler, Clock clock,
                              int maxQueuedPerConnection, DeliveryLog log) {
        this.writer = writer;
        this.signer = signer;
        this.audience = audience;
        this.client = client;
        this.retryPolicy = retryPolicy;
        this.journal = journal;
        this.scheduler = scheduler;
        this.clock = clock;
        this.maxQueuedPerConnection = maxQueuedPerConnection;
        this.log = log;
        this.orderWaits = new OrderWaits(scheduler, ORDER_WAIT, ORDER_WAIT_TICK, System::nanoTime);
    }

    /** Wraps every POST attempt from now on (fault injection). */
    public void intercept(DeliveryInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public void publish(CallEvent event) {
        if (writer.existsInVersion(event)) {
            enqueue(delivery(event));
        }
    }

    /** Written once and queued twice: the receiver gets the same bytes (id, time and all) two times. */
    @Override
    public void publishTwice(CallEvent event) {
        if (writer.existsInVersion(event)) {
            Delivery delivery = delivery(event);
            enqueue(delivery);
            enqueue(delivery);
        }
    }

    /** A dropped event is journaled as attempt 0 with outcome {@code dropped}, so the control API shows it. */
    @Override
    public void dropped(CallEvent event, String why) {
        EventTarget target = event.header().target();
        journal.record(target.serverCallId(), new DeliveryJournal.AttemptRecord(event.header().eventId(),
                event.typeName(), target.callbackUri(), 0, clock.instant(), 0, why, DeliveryOutcome.DROPPED));
    }

    private Delivery delivery(CallEvent event) {
        String eventId = event.header().eventId();
        byte[] body = writer.write(event, eventId, clock.instant());
        return new Delivery(eventId, event.typeName(), event.header().target().serverCallId(),
                event.header().target().callConnectionId(), uriOf(event.header().target().callbackUri()), body,
                event.about().map(Identifier::rawId).orElse(null));
    }

    /** The callback URI parsed, or the last one again: a connection's events mostly come one after another. */
    private URI uriOf(String callbackUri) {
        ParsedUri last = lastUri;
        if (last != null && last.text().equals(callbackUri)) {
            return last.uri();
        }
        URI uri = URI.create(callbackUri);
        lastUri = new ParsedUri(callbackUri, uri);
        return uri;
    }

    private record ParsedUri(String text, URI uri) { }

    private void enqueue(Delivery delivery) {
        while (!outboxes.computeIfAbsent(delivery.callConnectionId(), Outbox::new).enqueue(delivery)) {
            Thread.onSpinWait();
        }
    }

    /** Events waiting or in flight, over all connections. */
    public int pending() {
        int pending = 0;
        for (Outbox outbox : outboxes.values()) {
            pending += outbox.size();
        }
        return pending;
    }

    private record Delivery(String eventId, String type, String serverCallId, String callConnectionId, URI uri,
                            byte[] body, String about) { }

    /**
     * One connection's ordered queue. Its first delivery holds the order until it settles (answered, or failed for
     * good after its retries) or until it has waited {@link #ORDER_WAIT} for an answer to a POST; then it goes on by
     * itself ({@code unanswered}) and the next event is sent.
     */
    private final class Outbox {
        private final String callConnectionId;
        private final ArrayDeque<Delivery> queue = new ArrayDeque<>();
        private boolean sending;
        private int unanswered;
        private boolean retired;

        Outbox(String callConnectionId) {
            this.callConnectionId = callConnectionId;
        }

        /** Returns false when this outbox was just retired; the caller then takes the connection's new one. */
        boolean enqueue(Delivery delivery) {
            synchronized (this) {
                if (retired) {
                    return false;
                }
                if (queue.size() >= maxQueuedPerConnection) {
                    record(delivery, 0, 0, "queue full", DeliveryOutcome.DROPPED);
                    log.callbackDropped(delivery.type(), delivery.eventId(), callConnectionId,
                            delivery.uri().toString(), "queue full");
                    return true;
                }
                queue.addLast(delivery);
                if (sending) {
                    return true;
                }
                sending = true;
            }
            attempt(new Turn(delivery), 1);
            return true;
        }

        synchronized int size() {
            return queue.size() + unanswered;
        }

        private void attempt(Turn turn, int attemptNumber) {
            Delivery delivery = turn.delivery;
            Map<String, String> headers = Map.of("Authorization", "Bearer " + signer.sign(audience));
            DeliveryInterceptor.Delivery info = new DeliveryInterceptor.Delivery(delivery.type(),
                    delivery.callConnectionId(), delivery.serverCallId(), delivery.about(), attemptNumber);
            long started = log.attemptStarted();
            OrderWaits.Wait orderWait = orderWaits.watch(() -> release(turn));
            interceptor.send(info, () -> client.post(delivery.uri(), headers, delivery.body()))
                    .whenComplete((result, error) -> {
                        orderWait.settled();
                        settle(turn, attemptNumber,
                                error != null ? new WebhookClient.Attempt(0, null, error) : result, started);
                    });
        }

        private void settle(Turn turn, int attemptNumber, WebhookClient.Attempt attempt, long started) {
            Delivery delivery = turn.delivery;
            if (attempt.succeeded()) {
                outcome(delivery, attemptNumber, attempt, null, DeliveryOutcome.DELIVERED, started);
                finish(turn);
                return;
            }
            Optional<Duration> retryAfter = retryPolicy.retryAfter(attemptNumber, attempt);
            if (retryAfter.isPresent()) {
                outcome(delivery, attemptNumber, attempt, describe(attempt), DeliveryOutcome.RETRYING, started);
                scheduler.schedule(() -> attempt(turn, attemptNumber + 1), retryAfter.get().toMillis(),
                        TimeUnit.MILLISECONDS);
            } else {
                outcome(delivery, attemptNumber, attempt, describe(attempt), DeliveryOutcome.FAILED, started);
                finish(turn);
            }
        }

        /** An attempt's outcome, journaled and logged. */
        private void outcome(Delivery delivery, int attemptNumber, WebhookClient.Attempt attempt, String error,
                             DeliveryOutcome decision, long started) {
            record(delivery, attemptNumber, attempt.status(), error, decision);
            log.callbackAttempt(delivery.type(), delivery.eventId(), callConnectionId, delivery.uri().toString(),
                    attemptNumber, attempt.status(), error, decision.wireName(), started);
        }

        /** The order wait ran out while a POST of the first delivery had no answer: the next event may go. */
        private void release(Turn turn) {
            synchronized (this) {
                if (turn.settled || turn.released) {
                    return;
                }
                turn.released = true;
                unanswered++;
            }
            next();
        }

        /** The delivery answered or failed for good. */
        private void finish(Turn turn) {
            synchronized (this) {
                turn.settled = true;
                if (turn.released) {
                    unanswered--;
                    retireIfIdle();
                    return;
                }
            }
            next();
        }

        private void next() {
            Delivery following;
            synchronized (this) {
                queue.removeFirst();
                following = queue.peekFirst();
                if (following == null) {
                    sending = false;
                    retireIfIdle();
                    return;
                }
            }
            attempt(new Turn(following), 1);
        }

        /** Under the lock: once nothing waits or is in flight, the connection's next event opens a new outbox. */
        private void retireIfIdle() {
            if (!sending && unanswered == 0) {
                retired = true;
                outboxes.remove(callConnectionId, this);
            }
        }
    }

    /** One delivery's place in its connection's order: released by the order wait, settled by its outcome. */
    private static final class Turn {
        final Delivery delivery;
        boolean released;
        boolean settled;

        Turn(Delivery delivery) {
            this.delivery = delivery;
        }
    }

    private void record(Delivery delivery, int attemptNumber, int status, String error, DeliveryOutcome outcome) {
        journal.record(delivery.serverCallId(), new DeliveryJournal.AttemptRecord(delivery.eventId(), delivery.type(),
                delivery.uri().toString(), attemptNumber, clock.instant(), status, error, outcome));
    }

    private static String describe(WebhookClient.Attempt attempt) {
        if (attempt.error() != null) {
            Throwable cause = attempt.error().getCause() != null ? attempt.error().getCause() : attempt.error();
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        return "HTTP " + attempt.status();
    }
}
