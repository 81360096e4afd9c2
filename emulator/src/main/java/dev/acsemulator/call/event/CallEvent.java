package dev.acsemulator.call.event;

import dev.acsemulator.call.Identifier;

import java.util.List;
import java.util.Optional;

/**
 * A callback event addressed to one call connection. The record's simple name is the event type after
 * {@code Microsoft.Communication.}; the fields are the event-specific data of call-automation-behaviour.md §2–§3.
 *
 * <p>Sealed, and each record is final: the events package writes each type's own fields with exactly one line of its
 * {@code EventFieldWriters} table, which refuses to load while a type here has no line. Adding an event therefore
 * means adding its record here and its line there, in the same change.
 */
public sealed interface CallEvent {

    EventHeader header();

    default String typeName() {
        return getClass().getSimpleName();
    }

    /** The identity the event is about (the participant added, removed, moved; the transfer's target), if any. */
    default Optional<Identifier> about() {
        return Optional.empty();
    }

    record CallConnected(EventHeader header) implements CallEvent { }

    record CallDisconnected(EventHeader header) implements CallEvent { }

    record CreateCallFailed(EventHeader header) implements CallEvent { }

    record AnswerFailed(EventHeader header) implements CallEvent { }

    record ConnectFailed(EventHeader header) implements CallEvent { }

    record ParticipantsUpdated(EventHeader header, int sequenceNumber, List<ParticipantView> participants)
            implements CallEvent { }

    record AddParticipantSucceeded(EventHeader header, Identifier participant, String invitationId)
            implements CallEvent {
        @Override
        public Optional<Identifier> about() {
            return Optional.of(participant);
        }
    }

    record AddParticipantFailed(EventHeader header, Identifier participant, String invitationId)
            implements CallEvent {
        @Override
        public Optional<Identifier> about() {
            return Optional.of(participant);
        }
    }

    record RemoveParticipantSucceeded(EventHeader header, Identifier participant) implements CallEvent {
        @Override
        public Optional<Identifier> about() {
            return Optional.of(participant);
        }
    }

    record RemoveParticipantFailed(EventHeader header, Identifier participant) implements CallEvent {
        @Override
        public Optional<Identifier> about() {
            return Optional.of(participant);
        }
    }

    record CancelAddParticipantSucceeded(EventHeader header, String invitationId) implements CallEvent { }

    record CancelAddParticipantFailed(EventHeader header, String invitationId) implements CallEvent { }

    record CallTransferAccepted(EventHeader header, Identifier transferTarget, Identifier transferee)
            implements CallEvent {
        @Override
        public Optional<Identifier> about() {
            return Optional.of(transferTarget);
        }
    }

    record CallTransferFailed(EventHeader header, Identifier transferTarget, Identifier transferee)
            implements CallEvent {
        @Override
        public Optional<Identifier> about() {
            return Optional.of(transferTarget);
        }
    }

    record MoveParticipantSucceeded(EventHeader header, Identifier participant, String fromCall)
            implements CallEvent {
        @Override
        public Optional<Identifier> about() {
            return Optional.of(participant);
        }
    }

    record MoveParticipantFailed(EventHeader header, Identifier participant, String fromCall)
            implements CallEvent {
        @Override
        public Optional<Identifier> about() {
            return Optional.of(participant);
        }
    }

    record PlayStarted(EventHeader header) implements CallEvent { }

    record PlayCompleted(EventHeader header) implements CallEvent { }

    /** {@code failedPlaySourceIndex}: the index in the request's playSources of the source that could not play. */
    record PlayFailed(EventHeader header, int failedPlaySourceIndex) implements CallEvent { }

    record PlayCanceled(EventHeader header) implements CallEvent { }

    /**
     * A recording became active or inactive (call-automation-behaviour.md §2.17); {@code startDateTime} is when its
     * bot joined the call.
     */
    record RecordingStateChanged(EventHeader header, String recordingId, String state, java.time.Instant startDateTime,
                                 String recordingKind) implements CallEvent { }

    /** A recording that could not start: its call ended before the recording bot joined it. */
    record StartRecordingFailed(EventHeader header, String recordingId) implements CallEvent { }
}
