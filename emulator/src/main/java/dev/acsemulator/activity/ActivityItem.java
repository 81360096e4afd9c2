package dev.acsemulator.activity;

import java.time.Instant;

/**
 * One arrow (or note) of a call's sequence diagram, in the order it happened, timed on the emulator's clock.
 * {@code from} and {@code to} name lifelines: {@code app:<host><path>} of the application's callback URI (or
 * {@code app:<callConnectionId>} when it has none), {@code emulator}, or a participant's raw id. The optional fields are
 * null where they do not apply; {@code detail} is what the item's own endpoint shows in full (request and response
 * bodies, an event's body) and is never part of a list. A call keeps its items compactly and builds these records
 * when they are read ({@link CompactItems}).
 */
public record ActivityItem(long seq, Instant time, ActivityKind kind, String from, String to, String label,
                           Integer status, Double latencyMs, Double durationMs, String eventId, String eventType,
                           String connectionId, String outcome, Integer attempt, String operation, ActivityDetail detail) {

    /** The lifeline of the emulator itself. */
    public static final String EMULATOR = "emulator";

    /** An item before it is numbered and timed by the call's activity. */
    public record Draft(ActivityKind kind, String from, String to, String label, Integer status, Double latencyMs,
                        Double durationMs, String eventId, String eventType, String connectionId, String outcome,
                        Integer attempt, String operation, ActivityDetail detail) {

        static Draft of(ActivityKind kind, String from, String to, String label) {
            return new Draft(kind, from, to, label, null, null, null, null, null, null, null, null, null, null);
        }

        Draft withConnection(String connectionId) {
            return new Draft(kind, from, to, label, status, latencyMs, durationMs, eventId, eventType, connectionId,
                    outcome, attempt, operation, detail);
        }

        Draft withDuration(Double durationMs) {
            return new Draft(kind, from, to, label, status, latencyMs, durationMs, eventId, eventType, connectionId,
                    outcome, attempt, operation, detail);
        }

        ActivityItem numbered(long seq, Instant time) {
            return new ActivityItem(seq, time, kind, from, to, label, status, latencyMs, durationMs, eventId,
                    eventType, connectionId, outcome, attempt, operation, detail);
        }
    }
}
