package dev.acsemulator.api.handlers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.call.CallConnectionSnapshot;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.streaming.MediaStreamingSubscription;
import dev.acsemulator.call.transcription.TranscriptionSubscription;
import dev.acsemulator.json.IdentifierModels;

/**
 * Response bodies, always with what both SDKs need (sdk-wire-facts.md §6): {@code callConnectionId},
 * {@code callConnectionState}, {@code targets} as an array, full identifiers, a JSON object on every 202 that has a
 * response model.
 */
final class ResponseBodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResponseBodies() {
    }

    static ObjectNode callConnectionProperties(CallConnectionSnapshot snapshot) {
        ObjectNode body = NODES.objectNode();
        body.put("callConnectionId", snapshot.callConnectionId());
        body.put("serverCallId", snapshot.serverCallId());
        ArrayNode targets = body.putArray("targets");
        for (Identifier target : snapshot.targets()) {
            targets.add(IdentifierModels.write(target));
        }
        body.put("callConnectionState", snapshot.state().wireName());
        body.put("callbackUri", snapshot.callbackUri());
        if (snapshot.sourceCallerIdNumber() != null) {
            body.set("sourceCallerIdNumber", IdentifierModels.writePhoneNumber(snapshot.sourceCallerIdNumber()));
        }
        if (snapshot.sourceDisplayName() != null) {
            body.put("sourceDisplayName", snapshot.sourceDisplayName());
        }
        body.set("source", IdentifierModels.write(snapshot.source()));
        body.put("correlationId", snapshot.correlationId());
        if (snapshot.answeredBy() != null) {
            body.set("answeredBy", IdentifierModels.writeCommunicationUser(snapshot.answeredBy()));
        }
        return body;
    }

    /** Adds the spec's mediaStreamingSubscription and transcriptionSubscription, each where there is one. */
    static ObjectNode withSubscriptions(ObjectNode properties, MediaStreamingSubscription streaming,
                                        TranscriptionSubscription transcription) {
        if (streaming != null) {
            ObjectNode node = properties.putObject("mediaStreamingSubscription");
            node.put("id", streaming.id());
            node.put("state", streaming.state().wireName());
            MediaStreamingSubscription.SUBSCRIBED_CONTENT_TYPES.forEach(node.putArray("subscribedContentTypes")::add);
        }
        if (transcription != null) {
            ObjectNode node = properties.putObject("transcriptionSubscription");
            node.put("id", transcription.id());
            node.put("state", transcription.state().wireName());
            transcription.subscribedResultTypes().forEach(node.putArray("subscribedResultTypes")::add);
            node.put("locale", transcription.locale());
        }
        return properties;
    }

    static ObjectNode operationContext(String operationContext) {
        ObjectNode node = NODES.objectNode();
        if (operationContext != null) {
            node.put("operationContext", operationContext);
        }
        return node;
    }
}
