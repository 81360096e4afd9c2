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

    /** A recognize ended with input: what it recognized, by its type (call-automation-behaviour.md §2.14). */
    record RecognizeCompleted(EventHeader header, Recognition recognition) implements CallEvent { }

    /**
     * A recognize ended without a recognition (initial silence, no matching choice, a prompt that could not play).
     * {@code failedPlaySourceIndex}: the index of the prompt that could not play, else null.
     */
    record RecognizeFailed(EventHeader header, Integer failedPlaySourceIndex) implements CallEvent { }

    record RecognizeCanceled(EventHeader header) implements CallEvent { }

    /** {@code sequenceId}: 1 for the first key of the recognition; {@code tone}: the spec's {@code Tone} name. */
    record ContinuousDtmfRecognitionToneReceived(EventHeader header, int sequenceId, String tone)
            implements CallEvent { }

    record ContinuousDtmfRecognitionStopped(EventHeader header) implements CallEvent { }

    record SendDtmfTonesCompleted(EventHeader header) implements CallEvent { }

    record SendDtmfTonesFailed(EventHeader header) implements CallEvent { }

    /** Hold (or its hold audio) failed; the spec's only Hold event. */
    record HoldFailed(EventHeader header) implements CallEvent { }

    /** The hold audio of a Hold with {@code playSourceInfo} began (preview api-versions). */
    record HoldAudioStarted(EventHeader header) implements CallEvent { }

    /** A play with {@code interruptHoldAudio} to the held participant paused the hold audio. */
    record HoldAudioPaused(EventHeader header) implements CallEvent { }

    /** The interrupting play ended and the hold audio goes on. */
    record HoldAudioResumed(EventHeader header) implements CallEvent { }

    /** Unhold ended the hold audio (recorded as 400/8508, the service's "cancelled"). */
    record HoldAudioCompleted(EventHeader header) implements CallEvent { }

    /**
     * A recording became active or inactive (call-automation-behaviour.md §2.17); {@code startDateTime} is when its
     * bot joined the call.
     */
    record RecordingStateChanged(EventHeader header, String recordingId, String state, java.time.Instant startDateTime,
                                 String recordingKind) implements CallEvent { }

    /** A recording that could not start: its call ended before the recording bot joined it. */
    record StartRecordingFailed(EventHeader header, String recordingId) implements CallEvent { }

    /** The transcription's socket is open and what people say goes to it (call-automation-behaviour.md §2.18). */
    record TranscriptionStarted(EventHeader header, TranscriptionUpdate transcriptionUpdate) implements CallEvent { }

    record TranscriptionStopped(EventHeader header, TranscriptionUpdate transcriptionUpdate) implements CallEvent { }

    /** UpdateTranscription changed the locale or model; recorded with the start's operationContext. */
    record TranscriptionUpdated(EventHeader header, TranscriptionUpdate transcriptionUpdate) implements CallEvent { }

    record TranscriptionFailed(EventHeader header, TranscriptionUpdate transcriptionUpdate) implements CallEvent { }

    /** SummarizeCall's outcome (2026-03-12): the summary is the update's {@code transcriptionMessage}. */
    record TranscriptionCallSummaryUpdated(EventHeader header, TranscriptionUpdate transcriptionUpdate)
            implements CallEvent { }
    /** A media stream's socket is open and its frames flow (call-automation-behaviour.md §2.19). */
    record MediaStreamingStarted(EventHeader header, MediaStreamingUpdate update) implements CallEvent { }

    /** A media stream stopped (StopMediaStreaming); carries the context of the start it ends. */
    record MediaStreamingStopped(EventHeader header, MediaStreamingUpdate update) implements CallEvent { }

    /** A media stream could not connect, or lost its socket and could not reconnect. */
    record MediaStreamingFailed(EventHeader header, MediaStreamingUpdate update) implements CallEvent { }
}
