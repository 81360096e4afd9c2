package dev.acsemulator.delivery;

import dev.acsemulator.http.BoundedText;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every delivery attempt of every callback and Event Grid event, kept per call (server call id) with a bound on how
 * many are kept, for the control API and for tests, until the call is forgotten ({@link #forget}). Attempts are
 * kept compactly (the time as a number, a UUID event id as two longs, a long URL or error cut to
 * {@link BoundedText#URL_CHARS} with its length) and expanded into records when read.
 */
public final class DeliveryJournal {

    /** One POST of one event. {@code status} is 0 when no response came; {@code error} says why. */
    public record AttemptRecord(String eventId, String eventType, String url, int attempt, Instant time, int status,
                                String error, DeliveryOutcome outcome) { }

    /** An attempt as kept: {@code eventIdText} is null when the event id is a UUID held in the two longs. */
    private record Kept(long idHigh, long idLow, String eventIdText, String eventType, String url, int attempt,
                        long epochNanos, int status, String error, DeliveryOutcome outcome) {

        static Kept of(AttemptRecord attempt) {
            UUID uuid = uuidOrNull(attempt.eventId());
            Instant time = attempt.time();
            return new Kept(uuid == null ? 0 : uuid.getMostSignificantBits(),
                    uuid == null ? 0 : uuid.getLeastSignificantBits(), uuid == null ? attempt.eventId() : null,
                    attempt.eventType(), BoundedText.of(attempt.url(), BoundedText.URL_CHARS), attempt.attempt(),
                    time.getEpochSecond() * 1_000_000_000L + time.getNano(), attempt.status(),
                    BoundedText.of(attempt.error(), BoundedText.URL_CHARS),
                    attempt.outcome());
        }

        AttemptRecord record() {
            String eventId = eventIdText != null ? eventIdText : new UUID(idHigh, idLow).toString();
            return new AttemptRecord(eventId, eventType, url, attempt, Instant.ofEpochSecond(0, epochNanos), status,
                    error, outcome);
        }

        /** The UUID if the text is one in canonical lower-case form (so it reads back identical), else null. */
        private static UUID uuidOrNull(String text) {
            if (text == null || text.length() != 36) {
                return null;
            }
            for (int i = 0; i < 36; i++) {
                char c = text.charAt(i);
                boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
                if (dash ? c != '-' : !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                    return null;
                }
            }
            return UUID.fromString(text);
        }
    }

    private final int maxPerCall;
    private final Map<String, Deque<Kept>> byCall = new ConcurrentHashMap<>();
    /** Told of every attempt as it is recorded (the dashboard's activity); none by default. */
    private volatile java.util.function.BiConsumer<String, AttemptRecord> observer = (serverCallId, attempt) -> { };

    public DeliveryJournal(int maxPerCall) {
        this.maxPerCall = maxPerCall;
    }

    public void record(String serverCallId, AttemptRecord attempt) {
        Kept kept = Kept.of(attempt);
        Deque<Kept> records = byCall.computeIfAbsent(serverCallId, key -> new ArrayDeque<>(4));
        synchronized (records) {
            if (records.size() == maxPerCall) {
                records.removeFirst();
            }
            records.addLast(kept);
        }
        observer.accept(serverCallId, attempt);
    }

    /** Tells {@code observer} of every attempt recorded from now on, on the thread that records it. */
    public void whenRecorded(java.util.function.BiConsumer<String, AttemptRecord> observer) {
        this.observer = observer;
    }

    public List<AttemptRecord> forCall(String serverCallId) {
        Deque<Kept> records = byCall.get(serverCallId);
        if (records == null) {
            return List.of();
        }
        synchronized (records) {
            List<AttemptRecord> attempts = new ArrayList<>(records.size());
            for (Kept kept : records) {
                attempts.add(kept.record());
            }
            return attempts;
        }
    }

    /** Drops a forgotten call's attempts; one still being retried afterwards starts a new list. */
    public void forget(String serverCallId) {
        byCall.remove(serverCallId);
    }
}
