package dev.acsemulator.call.media;

import dev.acsemulator.call.CallActionException;
import dev.acsemulator.call.CallConnection;
import dev.acsemulator.call.CallError;

import java.util.List;

/**
 * What needs the call's Azure AI services link ({@code callIntelligenceOptions.cognitiveServicesEndpoint} at create,
 * answer or connect): text and SSML sources (text-to-speech) and recognizing speech or choices (speech-to-text).
 * Without the link the service refuses the request itself, 405/8522 "Request not allowed when Cognitive Service
 * Configuration not set during call setup." (openapi/DEVIATIONS.md 44), before anything plays.
 */
final class AiServicesLink {

    private AiServicesLink() {
    }

    /** Refuses {@code sources} when one of them is text or SSML and {@code connection} has no link. */
    static void requireForSources(CallConnection connection, List<PlaySource> sources) {
        for (int i = 0; i < sources.size(); i++) {
            if (!(sources.get(i) instanceof PlaySource.File)) {
                requireLinked(connection, "play source " + i + " is " + sources.get(i).kind()
                        + ", which is spoken by Azure AI services");
            }
        }
    }

    /** Refuses a recognize whose input type or prompts need the link when {@code connection} has none. */
    static void requireForRecognize(CallConnection connection, RecognizeRequest request) {
        if (request.inputType().hearsSpeech()) {
            requireLinked(connection, "recognizeInputType " + request.inputType().wireName()
                    + " is recognized by Azure AI services");
        }
        requireForSources(connection, request.prompts());
    }

    private static void requireLinked(CallConnection connection, String why) {
        if (connection.cognitiveServicesEndpoint() == null) {
            throw new CallActionException(CallError.AI_SERVICES_NOT_LINKED, why
                    + ", and the call was set up without callIntelligenceOptions.cognitiveServicesEndpoint.");
        }
    }
}
