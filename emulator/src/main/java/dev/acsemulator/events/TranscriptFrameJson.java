package dev.acsemulator.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.call.transcription.TranscriptFrame;

/**
 * The JSON text of a transcription socket's messages (docs/side-channels.md B2): {@code kind} and one object named
 * after it. Every Data message carries {@code words} (the JS SDK maps over it) and {@code format: "display"} (the
 * Java and .NET SDKs refuse any other); offsets and durations are ticks of 100 ns.
 */
public final class TranscriptFrameJson {

    private TranscriptFrameJson() {
    }

    public static String write(TranscriptFrame frame) {
        return node(frame).toString();
    }

    static ObjectNode node(TranscriptFrame frame) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        if (frame instanceof TranscriptFrame.Metadata metadata) {
            message.put("kind", "TranscriptionMetadata");
            ObjectNode body = message.putObject("transcriptionMetadata");
            body.put("subscriptionId", metadata.subscriptionId());
            body.put("locale", metadata.locale());
            body.put("callConnectionId", metadata.callConnectionId());
            body.put("correlationId", metadata.correlationId());
            if (metadata.speechModelEndpointId() != null) {
                body.put("speechRecognitionModelEndpointId", metadata.speechModelEndpointId());
            }
        } else if (frame instanceof TranscriptFrame.Data data) {
            message.put("kind", "TranscriptionData");
            ObjectNode body = message.putObject("transcriptionData");
            body.put("text", data.text());
            body.put("format", "display");
            body.put("confidence", data.confidence());
            body.put("offset", data.offsetTicks());
            body.put("duration", data.durationTicks());
            ArrayNode words = body.putArray("words");
            for (TranscriptFrame.Word word : data.words()) {
                words.addObject().put("text", word.text()).put("offset", word.offsetTicks())
                        .put("duration", word.durationTicks());
            }
            body.put("participantRawID", data.participantRawId());
            body.put("resultStatus", data.resultStatus().wireName());
        }
        return message;
    }
}
