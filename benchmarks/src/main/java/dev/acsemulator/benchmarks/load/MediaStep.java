package dev.acsemulator.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * One media action of a call in the lifecycle-with-media workload, done between CallConnected and the hang-up: the
 * request sent on the call's connection, and the callback that ends it (or fails it). The steps run in order, each
 * after the previous one's outcome.
 *
 * @param name         what the step is, in error messages
 * @param action       the path after {@code /calling/callConnections/{id}}, e.g. {@code :play}
 * @param body         the request body, given the raw id of the person the call rang
 * @param completion   the event that ends the step
 * @param failure      the event that fails it
 * @param calleeSuffix what the person's ACS user id must end with for the step to succeed (a reserved identity of
 *                     the README, e.g. {@code _presses1}), or empty when anyone will do
 */
record MediaStep(String name, String action, Function<String, byte[]> body, WebhookReceiver.EventType completion,
                 WebhookReceiver.EventType failure, String calleeSuffix) {

    /** The reserved identity that answers and presses {@code 1} one second into every recognize. */
    static final String PRESSES_1 = "_presses1";

    /** Plays one file to everyone in the call, as an IVR plays its greeting; the emulator fetches it once. */
    static MediaStep playFile(String url) {
        byte[] body = ("{\"playSources\":[{\"kind\":\"file\",\"file\":{\"uri\":\"" + url + "\"},"
                + "\"playSourceCacheId\":\"benchmark-greeting\"}],\"playTo\":[]}").getBytes(StandardCharsets.UTF_8);
        return new MediaStep("Play", ":play", callee -> body, WebhookReceiver.EventType.PLAY_COMPLETED,
                WebhookReceiver.EventType.PLAY_FAILED, "");
    }

    /**
     * A DTMF recognize of one key from the person the call rang, who is a {@link #PRESSES_1} identity: the key comes
     * a second in, so the step ends with RecognizeCompleted (8531, max tones) well before the initial silence
     * timeout; RecognizeFailed fails the call.
     */
    static MediaStep recognizeOneKey() {
        return new MediaStep("Recognize", ":recognize", callee -> ("{\"recognizeInputType\":\"dtmf\","
                + "\"recognizeOptions\":{\"targetParticipant\":{\"rawId\":\"" + callee + "\",\"communicationUser\":"
                + "{\"id\":\"" + callee + "\"}},\"initialSilenceTimeoutInSeconds\":5,"
                + "\"dtmfOptions\":{\"maxTonesToCollect\":1}},\"operationContext\":\"benchmark-menu\"}")
                .getBytes(StandardCharsets.UTF_8),
                WebhookReceiver.EventType.RECOGNIZE_COMPLETED, WebhookReceiver.EventType.RECOGNIZE_FAILED,
                PRESSES_1);
    }
}
