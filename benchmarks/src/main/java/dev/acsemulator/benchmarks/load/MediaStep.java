package dev.acsemulator.benchmarks.load;

import java.nio.charset.StandardCharsets;

/**
 * One media action of a call in the lifecycle-with-media workload, done between CallConnected and the hang-up: the
 * request sent on the call's connection, and the callback that ends it (or fails it). The steps run in order, each
 * after the previous one's outcome; a DTMF recognize is one more factory here and one more element in the list
 * {@code LoadBenchmark.media()} passes.
 *
 * @param name        what the step is, in error messages
 * @param action      the path after {@code /calling/callConnections/{id}}, e.g. {@code :play}
 * @param body        the request body
 * @param completion  the event that ends the step
 * @param failure     the event that fails it
 */
record MediaStep(String name, String action, byte[] body, WebhookReceiver.EventType completion,
                 WebhookReceiver.EventType failure) {

    /** Plays one file to everyone in the call, as an IVR plays its greeting; the emulator fetches it once. */
    static MediaStep playFile(String url) {
        String body = "{\"playSources\":[{\"kind\":\"file\",\"file\":{\"uri\":\"" + url + "\"},"
                + "\"playSourceCacheId\":\"benchmark-greeting\"}],\"playTo\":[]}";
        return new MediaStep("Play", ":play", body.getBytes(StandardCharsets.UTF_8),
                WebhookReceiver.EventType.PLAY_COMPLETED, WebhookReceiver.EventType.PLAY_FAILED);
    }
}
