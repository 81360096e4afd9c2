package dev.acsemulator.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.events.CloudEventWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The activity's JSON: items as lists and the feed show them, one item in full, and a call's summary. */
public final class ActivityJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final CloudEventWriter events;

    public ActivityJson(CloudEventWriter events) {
        this.events = events;
    }

    /** An item as lists and the feed show it: no bodies. */
    public static ObjectNode item(String serverCallId, ActivityItem item) {
        ObjectNode node = NODES.objectNode().put("seq", item.seq()).put("serverCallId", serverCallId)
                .put("time", item.time().toString()).put("kind", item.kind().wireName()).put("from", item.from())
                .put("to", item.to()).put("label", item.label());
        putIf(node, "operation", item.operation());
        if (item.status() != null) {
            node.put("status", item.status());
        }
        if (item.latencyMs() != null) {
            node.put("latencyMs", item.latencyMs());
        }
        if (item.durationMs() != null) {
            node.put("durationMs", item.durationMs());
        }
        putIf(node, "eventId", item.eventId());
        putIf(node, "eventType", item.eventType());
        putIf(node, "connectionId", item.connectionId());
        putIf(node, "outcome", item.outcome());
        if (item.attempt() != null) {
            node.put("attempt", item.attempt());
        }
        return node;
    }

    public static ArrayNode items(String serverCallId, List<ActivityItem> items) {
        ArrayNode list = NODES.arrayNode();
        items.forEach(item -> list.add(item(serverCallId, item)));
        return list;
    }

    /**
     * An item in full: a request's {@code request} and {@code response} (method, target, status, bodies), an event's
     * {@code event} body as the connection's api-version writes it.
     */
    public ObjectNode full(String serverCallId, ActivityItem item) {
        ObjectNode node = item(serverCallId, item);
        if (item.detail() instanceof ActivityDetail.Exchange exchange) {
            ObjectNode request = node.putObject("request").put("method", exchange.method())
                    .put("target", exchange.target());
            putIf(request, "clientRequestId", exchange.requestId());
            body(request, exchange.request());
            ObjectNode response = node.putObject("response");
            if (item.status() != null) {
                response.put("status", item.status());
            }
            body(response, exchange.response());
        } else if (item.detail() instanceof ActivityDetail.Event event) {
            if (events.existsInVersion(event.event())) {
                node.set("event", parsed(events.write(event.event(), item.eventId(), item.time())));
            } else {
                node.putNull("event");
            }
        }
        return node;
    }

    /** {@code body} (JSON when the kept bytes are, else text), {@code bodyLength} and {@code bodyTruncated}. */
    private static void body(ObjectNode into, BoundedBody body) {
        if (body.length() == 0) {
            into.putNull("body");
        } else if (!body.truncated() && (body.bytes()[0] == '{' || body.bytes()[0] == '[')) {
            into.set("body", parsed(body.bytes()));
        } else {
            into.put("body", new String(body.bytes(), StandardCharsets.UTF_8));
        }
        into.put("bodyLength", body.length()).put("bodyTruncated", body.truncated());
    }

    private static JsonNode parsed(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            return NODES.textNode(new String(json, StandardCharsets.UTF_8));
        }
    }

    /**
     * A call as the feed's {@code call} event and the list of calls show it: ids, {@code active} or {@code ended},
     * how many participants, its connections' ids, when it was first seen and when it ended.
     */
    public static ObjectNode summary(CallSummary summary) {
        ObjectNode node = NODES.objectNode().put("serverCallId", summary.serverCallId())
                .put("correlationId", summary.correlationId()).put("state", summary.ended() ? "ended" : "active")
                .put("participants", summary.participants());
        ArrayNode connections = node.putArray("connections");
        summary.connections().forEach(connection -> connections.addObject()
                .put("callConnectionId", connection.callConnectionId()).put("state", connection.state()));
        node.put("created", summary.created().toString());
        if (summary.endedAt() != null) {
            node.put("ended", summary.endedAt().toString());
        } else {
            node.putNull("ended");
        }
        return node;
    }

    private static void putIf(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
