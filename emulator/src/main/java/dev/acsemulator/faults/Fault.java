package dev.acsemulator.faults;

/**
 * What an injected fault does, by where it strikes: a REST operation's answer, an action's outcome, a callback event,
 * or a callback POST (call-automation-behaviour.md §6 lists what the real service does of these on its own).
 */
public sealed interface Fault {

    /** The REST operation answers this error instead of acting ({@code Retry-After} for 429/503 when given). */
    record HttpError(int status, String code, String message, Integer retryAfterSeconds) implements Fault { }

    /** The REST operation answers after an added delay (scheduled, never slept). */
    record Latency(DelayDistribution delay) implements Fault { }

    /** The REST request's connection is closed without an answer ({@code reset}: with a TCP reset). */
    record DropConnection(boolean reset) implements Fault { }

    /** The action's outcome is its failure event with this result (CreateCallFailed, AddParticipantFailed, ...). */
    record FailOutcome(int code, int subCode, String message) implements Fault { }

    /** The event is never sent. */
    record DropEvent() implements Fault { }

    /** The event is sent after a delay, so later events of the connection may overtake it. */
    record DelayEvent(DelayDistribution delay) implements Fault { }

    /** The event is sent twice, with the same id, as the service was seen to do. */
    record DuplicateEvent() implements Fault { }

    /** The connection's events within the window are held and sent in a shuffled order. */
    record ReorderEvents(long windowMillis) implements Fault { }

    /** The callback POST fails as if the webhook answered this status (or did not answer, for 0). */
    record FailDelivery(int status) implements Fault { }

    /** The callback POST is held back by this delay. */
    record SlowDelivery(DelayDistribution delay) implements Fault { }

    /** Where the fault strikes, which decides which decorator applies it. */
    default Site site() {
        if (this instanceof HttpError || this instanceof Latency || this instanceof DropConnection) {
            return Site.OPERATION;
        }
        if (this instanceof FailOutcome) {
            return Site.OUTCOME;
        }
        if (this instanceof FailDelivery || this instanceof SlowDelivery) {
            return Site.DELIVERY;
        }
        return Site.EVENT;
    }

    /** The places faults are injected. */
    enum Site { OPERATION, OUTCOME, EVENT, DELIVERY }
}
