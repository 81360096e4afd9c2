package dev.acsemulator.call.media;

import dev.acsemulator.call.ResultInformation;

/**
 * The {@code resultInformation} of media events (call-automation-behaviour.md §4, media results). Messages are the
 * recorded ones, without a DiagCode suffix: the play events the service sent to the Azure SDKs' live tests in 2025
 * carried none (azure-sdk-for-java playMediaInACallAutomatedTest.json).
 */
public final class MediaResults {

    /** PlayStarted and PlayCompleted (recorded). */
    public static final ResultInformation COMPLETED = new ResultInformation(200, 0, "Action completed successfully.");
    /** PlayCanceled after CancelAllMediaOperations or a barge-in (D-PLAY). */
    public static final ResultInformation CANCELED = new ResultInformation(400, 8508,
            "Action failed, the operation was canceled.");
    /** A file that is not WAV mono 16-bit 16 kHz (recorded, N-PLAYFAIL). */
    public static final ResultInformation FILE_FORMAT_INVALID = new ResultInformation(400, 8535,
            "Action failed, file format is invalid.");
    /** A file URL that could not be fetched. */
    public static final ResultInformation FILE_NOT_DOWNLOADED = new ResultInformation(400, 8536,
            "Action failed, file could not be downloaded.");
    /** A text or SSML source with nothing to say. */
    public static final ResultInformation TEXT_OR_SSML_EMPTY = new ResultInformation(400, 8582,
            "Action failed, play source text or ssml empty.");
    /** Text or SSML the speech service refuses (invalid SSML): the 8565 family's bad request. */
    public static final ResultInformation SPEECH_BAD_REQUEST = new ResultInformation(400, 8565,
            "Action failed, bad request to Azure AI services. Please check your input parameters.");

    /**
     * HoldAudioCompleted at unhold: recorded as 400/8508 with the British spelling "cancelled" (azure-sdk-for-java
     * playMultipleFileSourcesWhenParticipantOnHoldTest.json, 2025-07), unlike PlayCanceled's "canceled".
     */
    public static final ResultInformation HOLD_AUDIO_ENDED_BY_UNHOLD = new ResultInformation(400, 8508,
            "Action failed, the operation was cancelled.");

    private MediaResults() {
    }
}
