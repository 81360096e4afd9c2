package dev.acsemulator.call;

/**
 * Why the domain refused an action. The api layer's error catalogue turns each into the service's status, code and
 * message (call-automation-behaviour.md §4 subcodes).
 */
public enum CallError {
    /** No call connection with that id (never existed, or forgotten after it ended). */
    CALL_CONNECTION_NOT_FOUND,
    /** The connection has ended (CallDisconnected was sent). */
    CALL_TERMINATED,
    /** The connection is not connected yet. */
    CALL_NOT_ESTABLISHED,
    /** The named participant is not in the call. */
    PARTICIPANT_NOT_FOUND,
    /** The identity is already in the call. */
    PARTICIPANT_ALREADY_IN_CALL,
    /** The incomingCallContext does not name an incoming call of this resource. */
    INCOMING_CALL_NOT_FOUND,
    /** The incoming call is no longer ringing (answered, rejected, redirected or ended). */
    INCOMING_CALL_NOT_RINGING,
    /** The action is not valid in the call's current state (e.g. a transfer is already running). */
    ACTION_NOT_VALID_IN_STATE,
    /** The request is well-formed but asks for something the service does not allow. */
    INVALID_REQUEST,
    /** The action is not supported for this kind of participant (e.g. muting a phone number). */
    NOT_SUPPORTED,
    /**
     * A media operation that cannot run beside one already running or queued (call-automation-behaviour.md §2.21:
     * a second operation on a sub-leg).
     */
    MEDIA_PRECONDITION_FAILED,
    /** A media operation that conflicts with one already running in parallel on the same participant (§4: 8519). */
    MEDIA_CONFLICT,
    /** No recording with that id (never started, already stopped, or forgotten with its call). */
    RECORDING_NOT_FOUND,
    /** StartRecording on a call whose recording has not stopped (§4: 8553 duplicate recording). */
    RECORDING_ALREADY_RUNNING,
    /** Pause or resume of a recording that has stopped (§4: 8573 pause/resume not allowed). */
    RECORDING_STOPPED,
    /**
     * Text-to-speech or speech recognition asked of a connection set up without an Azure AI services link
     * ({@code callIntelligenceOptions.cognitiveServicesEndpoint}).
     */
    AI_SERVICES_NOT_LINKED,
    /** StartTranscription while the connection's transcription runs. */
    TRANSCRIPTION_ALREADY_RUNNING,
    /** UpdateTranscription or StopTranscription while the connection's transcription does not run. */
    TRANSCRIPTION_NOT_RUNNING,
    /**
     * StartMediaStreaming on a connection whose create, answer or connect gave no media streaming transport URL
     * (§4: 8581 invalid stream URL).
     */
    STREAM_URL_INVALID,
    /** No invitation with that id in the call (control API: a person acting on an invitation by hand). */
    INVITATION_NOT_FOUND,
    /**
     * The invitation is not waiting for a person to act by hand: it is no longer ringing, or its target's behaviour
     * is not {@code manual}.
     */
    INVITATION_NOT_AWAITING_PERSON
}
