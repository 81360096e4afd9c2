package dev.acsemulator.faults;

import dev.acsemulator.call.ResultInformation;

/**
 * What an injected fault does, grouped by where it strikes: a REST operation's answer, an action's outcome, a
 * callback event, or a callback POST (call-automation-behaviour.md §6 lists what the real service does of these on its
 * own). Each kind of fault implements the group of its {@link Site}, so a new kind cannot be added without saying
 * where it strikes: {@link #site()} has no default, and every group is sealed.
 */
public sealed interface Fault {

    /** Where the fault strikes, which decides which decorator applies it. */
    Site site();

    /** The places faults are injected. */
    enum Site { OPERATION, OUTCOME, EVENT, DELIVERY, STREAM }

    /** Faults that change a REST operation's answer ({@code OperationFaults}). */
    sealed interface OperationFault extends Fault {
        @Override
        default Site site() {
            return Site.OPERATION;
        }
    }

    /** Faults that change an action's outcome ({@code OutcomeFaults}). */
    sealed interface OutcomeFault extends Fault {
        @Override
        default Site site() {
            return Site.OUTCOME;
        }
    }

    /** Faults that change which callback events are sent and when ({@code EventFaults}). */
    sealed interface EventFault extends Fault {
        @Override
        default Site site() {
            return Site.EVENT;
        }
    }

    /** Faults that change a callback POST ({@code DeliveryFaults}). */
    sealed interface DeliveryFault extends Fault {
        @Override
        default Site site() {
            return Site.DELIVERY;
        }
    }

    /** Faults that change the WebSocket of a media stream or a transcription ({@code StreamFaults}). */
    sealed interface StreamFault extends Fault {
        @Override
        default Site site() {
            return Site.STREAM;
        }
    }

    /** The REST operation answers this error instead of acting ({@code Retry-After} for 429/503 when given). */
    record HttpError(int status, String code, String message, Integer retryAfterSeconds) implements OperationFault { }

    /** The REST operation answers after an added delay (scheduled, never slept). */
    record Latency(DelayDistribution delay) implements OperationFault { }

    /** The REST request's connection is closed without an answer ({@code reset}: with a TCP reset). */
    record DropConnection(boolean reset) implements OperationFault { }

    /**
     * The action's outcome is its failure event with this result (CreateCallFailed, AddParticipantFailed, PlayFailed,
     * RecognizeFailed, ...); a field left out (null) takes the value the action usually fails with.
     */
    record FailOutcome(Integer code, Integer subCode, String message) implements OutcomeFault {

        /** The result to fail with: this rule's fields, and {@code usual}'s where the rule gave none. */
        public ResultInformation resultOr(ResultInformation usual) {
            return new ResultInformation(code == null ? usual.code() : code,
                    subCode == null ? usual.subCode() : subCode, message == null ? usual.message() : message);
        }
    }

    /** The event is never sent. */
    record DropEvent() implements EventFault { }

    /** The event is sent after a delay, so later events of the connection may overtake it. */
    record DelayEvent(DelayDistribution delay) implements EventFault { }

    /** The event is sent twice, with the same id, as the service was seen to do. */
    record DuplicateEvent() implements EventFault { }

    /** The connection's events within the window are held and sent in a shuffled order. */
    record ReorderEvents(long windowMillis) implements EventFault { }

    /** The callback POST fails as if the webhook answered this status (or did not answer, for 0). */
    record FailDelivery(int status) implements DeliveryFault { }

    /** The callback POST is held back by this delay. */
    record SlowDelivery(DelayDistribution delay) implements DeliveryFault { }

    /** The stream's socket cannot be opened, as when the application's server refuses the WebSocket handshake. */
    record RefuseStream() implements StreamFault { }

    /**
     * The stream's socket is dropped, without a close frame, once this many frames went out on it (0: as soon as it
     * is open), as a broken network drops it.
     */
    record DropStream(int afterFrames) implements StreamFault {
        public DropStream {
            if (afterFrames < 0) {
                throw new IllegalArgumentException("'afterFrames' must be 0 or more");
            }
        }
    }

    /** Every frame of the stream's socket goes out this much later, in order (scheduled, never slept). */
    record DelayStreamFrames(DelayDistribution delay) implements StreamFault { }
}
