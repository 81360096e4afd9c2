package dev.acsemulator.delivery;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every delivery attempt of every callback and Event Grid event, kept per call (server call id) with a bound on how
 * many are kept, for the control API and for tests.
 */
public final class DeliveryJournal {

    /** One POST of one event. {@code status} is 0 when no response came; {@code error} says why. */
    public record AttemptRecord(String eventId, String eventType, String url, int attempt, Instant time, int status,
                                String error, String outcome) { }

    private final int maxPerCall;
    private final Map<String, Deque<AttemptRecord>> byCall = new ConcurrentHashMap<>();

    public DeliveryJournal(int maxPerCall) {
        this.maxPerCall = maxPerCall;
    }

    public void record(String serverCallId, AttemptRecord attempt) {
        Deque<AttemptRecord> records = byCall.computeIfAbsent(serverCallId, key -> new ArrayDeque<>());
        synchronized (records) {
            if (records.size() == maxPerCall) {
                records.removeFirst();
            }
            records.addLast(attempt);
        }
    }

    public List<AttemptRecord> forCall(String serverCallId) {
        Deque<AttemptRecord> records = byCall.get(serverCallId);
        if (records == null) {
            return List.of();
        }
        synchronized (records) {
            return new ArrayList<>(records);
        }
    }
}
