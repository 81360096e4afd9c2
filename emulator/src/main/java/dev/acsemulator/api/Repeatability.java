package dev.acsemulator.api;

import dev.acsemulator.http.HttpDates;
import dev.acsemulator.http.HttpRequestMessage;
import dev.acsemulator.http.HttpResponseMessage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Repeatable requests (the OASIS Repeatable Requests profile the spec cites): a request with the same
 * {@code Repeatability-Request-ID} from the same caller gets the first response again and acts only once, for as
 * long as its {@code Repeatability-First-Sent} is within the 5-minute window. The two headers go together; a
 * malformed one is a 400, a First-Sent older than the window a 412. Only a success is replayed: a retry after an
 * error (a 429 or 503 the SDK retries, a 400) runs again. What is remembered of a success is not its bytes but how to
 * render it again ({@link Answer#again}), a fraction of their size: every CreateCall an SDK sends is repeatable, so
 * under load this memory is held for five minutes per call.
 */
public final class Repeatability {

    private static final Duration WINDOW = Duration.ofMinutes(5);
    /** How often an idle emulator looks for expired request ids ({@link #forgetExpired}). */
    public static final Duration SWEEP_INTERVAL = Duration.ofSeconds(30);
    private static final Pattern UUID_FORM = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Clock clock;
    private final Duration allowedSkew;
    private final int capacity;
    private final Map<Key, Entry> seen = new ConcurrentHashMap<>();
    /** Keys in the order they were first seen, so expired ones are found at the head without scanning the map. */
    private final Queue<Key> byArrival = new ConcurrentLinkedQueue<>();

    /** A response, and how to render the same response again for a repeated request. */
    public record Answer(HttpResponseMessage response, Supplier<HttpResponseMessage> again) {

        /** An answer replayed as the very same response object. */
        public static Answer of(HttpResponseMessage response) {
            return new Answer(response, () -> response);
        }
    }

    /** Who asked (the authenticated principal) and the request id they gave (a UUID, as its two halves). */
    private record Key(String principal, long idHigh, long idLow, long expiresAtMillis) {

        static Key of(String principal, String requestId, long expiresAtMillis) {
            UUID id = UUID.fromString(requestId);
            return new Key(principal, id.getMostSignificantBits(), id.getLeastSignificantBits(), expiresAtMillis);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.idHigh == idHigh && key.idLow == idLow
                    && key.principal.equals(principal);
        }

        @Override
        public int hashCode() {
            return (Long.hashCode(idHigh) * 31 + Long.hashCode(idLow)) * 31 + principal.hashCode();
        }
    }

    /** Completes with the replay of the first request's answer, once it has one. */
    private record Entry(long expiresAtMillis, CompletableFuture<Supplier<HttpResponseMessage>> replay) { }

    public Repeatability(Clock clock, Duration allowedSkew) {
        this(clock, allowedSkew, Integer.MAX_VALUE);
    }

    /**
     * @param capacity how many request ids are remembered at most: beyond it the oldest is forgotten before its five
     *                 minutes are up, so memory stays bounded under sustained load (SDKs retry within seconds)
     */
    public Repeatability(Clock clock, Duration allowedSkew, int capacity) {
        this.clock = clock;
        this.allowedSkew = allowedSkew;
        this.capacity = capacity;
    }

    /**
     * Runs the request once per Repeatability-Request-ID; requests without the headers always run.
     */
    public CompletableFuture<HttpResponseMessage> run(HttpRequestMessage request, String principal,
                                                      Supplier<CompletableFuture<Answer>> action) {
        String requestId = request.header("repeatability-request-id");
        String firstSent = request.header("repeatability-first-sent");
        if (requestId == null && firstSent == null) {
            return action.get().thenApply(Answer::response);
        }
        Instant sentAt = validate(requestId, firstSent);
        long now = clock.millis();
        evictExpired(now);
        Key key = Key.of(principal, requestId, sentAt.plus(WINDOW).toEpochMilli());
        CompletableFuture<Supplier<HttpResponseMessage>> replay = new CompletableFuture<>();
        Entry existing = seen.putIfAbsent(key, new Entry(key.expiresAtMillis(), replay));
        if (existing != null) {
            return existing.replay().thenApply(Supplier::get);
        }
        byArrival.add(key);
        CompletableFuture<Answer> result;
        try {
            result = action.get();
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.handle((answer, error) -> {
            if (error != null) {
                seen.remove(key);
                replay.completeExceptionally(error);
                throw error instanceof CompletionException completion ? completion : new CompletionException(error);
            }
            HttpResponseMessage response = answer.response();
            if (response.status() < 200 || response.status() >= 300
                    || response.disposition() != HttpResponseMessage.Disposition.RESPOND) {
                seen.remove(key);
                replay.complete(() -> response);
                return response;
            }
            Supplier<HttpResponseMessage> again = answer.again();
            replay.complete(() -> again.get().withHeader("Repeatability-Result", "accepted"));
            return response.withHeader("Repeatability-Result", "accepted");
        });
    }

    /** How many request ids are remembered (bounded by the 5-minute window and the capacity). */
    public int remembered() {
        return seen.size();
    }

    private Instant validate(String requestId, String firstSent) {
        if (requestId == null || firstSent == null) {
            throw ApiErrors.repeatabilityRejected(
                    "Repeatability-Request-ID and Repeatability-First-Sent must be sent together.");
        }
        if (!UUID_FORM.matcher(requestId).matches()) {
            throw ApiErrors.repeatabilityRejected("Repeatability-Request-ID must be a UUID.");
        }
        Instant sentAt;
        try {
            sentAt = HttpDates.parseRfc1123(firstSent);
        } catch (DateTimeParseException e) {
            throw ApiErrors.repeatabilityRejected("Repeatability-First-Sent must be an RFC 1123 date.");
        }
        Instant now = clock.instant();
        if (sentAt.isAfter(now.plus(allowedSkew))) {
            throw ApiErrors.repeatabilityRejected("Repeatability-First-Sent is in the future.");
        }
        if (sentAt.plus(WINDOW).isBefore(now)) {
            throw ApiErrors.repeatabilityExpired();
        }
        return sentAt;
    }

    /**
     * Drops expired entries from the head of the arrival queue, and the oldest beyond the capacity: constant work per
     * request. First-Sent times arrive almost in order, so an entry that expires a little out of order waits a few
     * requests longer; one still being answered is left for a later pass.
     */
    private void evictExpired(long now) {
        Key head;
        while ((head = byArrival.peek()) != null && (head.expiresAtMillis() < now || seen.size() >= capacity)) {
            Entry entry = seen.get(head);
            if (entry != null && !entry.replay().isDone()) {
                return;
            }
            byArrival.poll();
            if (entry != null && (entry.expiresAtMillis() < now || seen.size() >= capacity)) {
                seen.remove(head, entry);
            }
        }
    }

    /**
     * Forgets every request id whose window has passed and whose answer is complete, whether or not requests still
     * arrive: the emulator calls it every {@link #SWEEP_INTERVAL}, so an idle emulator does not hold a burst's ids
     * for ever. One pass over what is remembered.
     */
    public void forgetExpired() {
        long now = clock.millis();
        seen.entrySet().removeIf(entry -> entry.getValue().expiresAtMillis() < now
                && entry.getValue().replay().isDone());
        byArrival.removeIf(key -> key.expiresAtMillis() < now && !seen.containsKey(key));
    }
}
