package dev.acsemulator.call.transcription;

import dev.acsemulator.call.ResultInformation;

/**
 * The {@code resultInformation} of transcription events (call-automation-behaviour.md §2.18, §4: 8578 to 8581,
 * 8565). Started, Stopped and Updated carry the recorded 200/0 "Action completed successfully."; the failures'
 * messages were not observed and say what went wrong (openapi/DEVIATIONS.md).
 */
public final class TranscriptionResults {

    /** TranscriptionStarted, TranscriptionStopped, TranscriptionUpdated (recorded). */
    public static final ResultInformation COMPLETED = new ResultInformation(200, 0, "Action completed successfully.");
    /** The application's transport could not be connected to (Microsoft Learn: 500/8578). */
    public static final ResultInformation SOCKET_NOT_CONNECTED = new ResultInformation(500, 8578,
            "Action failed, not able to establish a WebSocket connection to the transport URL.");
    /** The socket was lost while transcription ran. */
    public static final ResultInformation SOCKET_DROPPED = new ResultInformation(500, 8578,
            "Action failed, the WebSocket connection to the transport URL was interrupted.");
    /** Transcription without a transport URL (Microsoft Learn: 400/8581, "StreamUrl isn't valid"). */
    public static final ResultInformation NO_TRANSPORT_URL = new ResultInformation(400, 8581,
            "Action failed, the transcription transport URL is missing; set transcriptionOptions.transportUrl.");
    /**
     * Transcription started (at setup, with {@code startTranscription}) on a call that has no Azure AI services
     * resource linked ({@code cognitiveServicesEndpoint} at create, answer or connect): the 8565 family's
     * authentication error, since there is no resource to authorize against (openapi/DEVIATIONS.md 47).
     */
    public static final ResultInformation SPEECH_NOT_LINKED = new ResultInformation(401, 8565,
            "Action failed, unauthorized to Azure AI services. Please check that the call has a "
                    + "cognitiveServicesEndpoint and that its identity can use it.");

    /**
     * TranscriptionCallSummaryUpdated with {@code callSummaryFailure}: nothing transcribed yet, or no Azure AI services
     * resource linked (the failure's code was not observed; the 8565 family's bad request).
     */
    public static final ResultInformation SUMMARY_FAILED = new ResultInformation(400, 8565,
            "Action failed, the call could not be summarized.");

    private TranscriptionResults() {
    }
}
