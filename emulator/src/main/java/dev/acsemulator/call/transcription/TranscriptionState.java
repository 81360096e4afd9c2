package dev.acsemulator.call.transcription;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where the transcription of one call connection is (docs/side-channels.md B; call-automation-behaviour.md §2.18).
 * A connection has one transcription at a time: StartTranscription needs it not running, UpdateTranscription and
 * StopTranscription need it running.
 */
public enum TranscriptionState {

    /** Nothing started yet: transcriptionOptions were given (or none) and startTranscription was false. */
    NOT_STARTED,
    /** Started: the socket to the transport URL is being opened. Counts as running for start and stop. */
    CONNECTING,
    /** The socket is open and TranscriptionStarted was sent; what people say goes to it as TranscriptionData. */
    ACTIVE,
    /** StopTranscription was accepted (TranscriptionStopped sent); StartTranscription may start it again. */
    STOPPED,
    /** TranscriptionFailed was sent (no AI link, no transport, the socket could not connect or dropped). */
    FAILED,
    /** The call ended: nothing more happens. Final. */
    ENDED;

    /** The states this one may be entered from; {@link Transcription#transitionTo} refuses any other. */
    public Set<TranscriptionState> legalPredecessors() {
        return switch (this) {
            case NOT_STARTED -> EnumSet.noneOf(TranscriptionState.class);
            case CONNECTING -> EnumSet.of(NOT_STARTED, STOPPED, FAILED);
            case ACTIVE -> EnumSet.of(CONNECTING);
            case STOPPED -> EnumSet.of(CONNECTING, ACTIVE);
            case FAILED -> EnumSet.of(CONNECTING, ACTIVE);
            case ENDED -> EnumSet.of(NOT_STARTED, CONNECTING, ACTIVE, STOPPED, FAILED);
        };
    }
}
