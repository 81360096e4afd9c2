package dev.acsemulator.api;

import dev.acsemulator.http.HttpRequestMessage;
import dev.acsemulator.http.HttpResponseMessage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Repeatable requests (the OASIS Repeatable Requests profile the spec cites): a request with the same
 * {@code Repeatability-Request-ID} from the same caller gets the first response again and acts only once, for as
 * long as its {@code Repeatability-First-Sent} is within the 5-minute window. The two headers go together; a
 * malformed one is a 400, a First-Sent older than the window a 412. Only a success is replayed: a retry after an
 * error (a 429 or 503 the SDK retries, a 400) runs again.
 */
public final class Repeatability {

    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final java.util.regex.Pattern UUID_FORM = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Clock clock;
    private final Duration allowedSkew;
    private final Map<String, Entry> seen = new ConcurrentHashMap<>();
    /** Keys in the order they were first seen, so expired ones are found at the head without scanning the map. */
    private final java.util.Queue<Keyed> byArrival = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private record Keyed(String key, Instant expiresAt) { }

    private record Entry(Instant expiresAt, CompletableFuture<HttpResponseMessage> response) { }

    public Repeatability(Clock clock, Duration allowedSkew) {
        this.clock = clock;
        this.allowedSkew = allowedSkew;
    }

    /**
     * Runs the request once per Repeatability-Request-ID; requests without the headers always run.
     */
    public CompletableFuture<HttpResponseMessage> run(HttpRequestMessage request, String principal,
                                                      Supplier<CompletableFuture<HttpResponseMessage>> action) {
        String requestId = request.header("repeatability-request-id");
        String firstSent = request.header("repeatability-first-sent");
        if (requestId == null && firstSent == null) {
            return action.get();
        }
        Instant sentAt = validate(requestId, firstSent);
        Instant now = clock.instant();
        evictExpired(now);
        String key = principal + "/" + requestId.toLowerCase();
        CompletableFuture<HttpResponseMessage> mine = new CompletableFuture<>();
        Entry existing = seen.putIfAbsent(key, new Entry(sentAt.plus(WINDOW), mine));
        if (existing != null) {
            return existing.response();
        }
        byArrival.add(new Keyed(key, sentAt.plus(WINDOW)));
        CompletableFuture<HttpResponseMessage> result;
        try {
            result = action.get();
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        result.whenComplete((response, error) -> {
            if (error != null) {
                seen.remove(key);
                mine.completeExceptionally(error);
            } else if (response.status() < 200 || response.status() >= 300
                    || response.disposition() != HttpResponseMessage.Disposition.RESPOND) {
                seen.remove(key);
                mine.complete(response);
            } else {
                mine.complete(response.withHeader("Repeatability-Result", "accepted"));
            }
        });
        return mine;
    }

    /** How many request ids are remembered (bounded by the 5-minute window). */
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
            sentAt = ZonedDateTime.parse(firstSent, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
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
     * Drops expired entries from the head of the arrival queue: constant work per request. First-Sent times arrive
     * almost in order, so an entry that expires a little out of order waits a few requests longer; one still being
     * answered is left for a later pass.
     */
    private void evictExpired(Instant now) {
        Keyed head;
        while ((head = byArrival.peek()) != null && head.expiresAt().isBefore(now)) {
            Entry entry = seen.get(head.key());
            if (entry != null && !entry.response().isDone()) {
                return;
            }
            byArrival.poll();
            if (entry != null && entry.expiresAt().isBefore(now)) {
                seen.remove(head.key(), entry);
            }
        }
    }
}
