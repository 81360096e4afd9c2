package dev.acsemulator.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.call.ResultInformation;
import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.EventHeader;

/**
 * The {@code data} object of a callback event (call-automation-behaviour.md §3): the common fields every event has,
 * then the event's own fields, written by its type's line in {@link EventFieldWriters}.
 */
final class CallEventData {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CallEventData() {
    }

    static ObjectNode of(CallEvent event, String publicEventType) {
        EventHeader header = event.header();
        ObjectNode data = NODES.objectNode();
        data.put("callConnectionId", header.target().callConnectionId());
        data.put("serverCallId", header.target().serverCallId());
        data.put("correlationId", header.target().correlationId());
        if (header.operationContext() != null) {
            data.put("operationContext", header.operationContext());
        }
        data.set("resultInformation", resultInformation(header.result()));
        EventFieldWriters.write(event, data);
        data.put("version", header.target().apiVersion());
        data.put("publicEventType", publicEventType);
        return data;
    }

    private static ObjectNode resultInformation(ResultInformation result) {
        return NODES.objectNode()
                .put("code", result.code())
                .put("subCode", result.subCode())
                .put("message", result.message());
    }
}
