package dev.acsemulator.activity;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.acsemulator.events.CloudEventWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    /** An item as lists show it: no bodies ({@link #writeItem}, the feed's own writer, as a tree). */
    public static ObjectNode item(String serverCallId, ActivityItem item) {
        return (ObjectNode) tree(json -> writeItem(json, serverCallId, item));
    }

    public static ArrayNode items(String serverCallId, List<ActivityItem> items) {
        return (ArrayNode) tree(json -> {
            json.writeStartArray();
            for (ActivityItem item : items) {
                writeItem(json, serverCallId, item);
            }
            json.writeEndArray();
        });
    }

    /**
     * Writes an item as the feed and lists show it, field by field: {@code seq}, {@code serverCallId}, {@code time},
     * {@code kind}, {@code from}, {@code to}, {@code label}, then those of {@code operation}, {@code status},
     * {@code latencyMs}, {@code durationMs}, {@code eventId}, {@code eventType}, {@code connectionId},
     * {@code outcome} and {@code attempt} that apply. No bodies.
     */
    public static void writeItem(JsonGenerator json, String serverCallId, ActivityItem item) throws IOException {
        json.writeStartObject();
        json.writeNumberField("seq", item.seq());
        json.writeStringField("serverCallId", serverCallId);
        json.writeStringField("time", item.time().toString());
        json.writeStringField("kind", item.kind().wireName());
        json.writeStringField("from", item.from());
        json.writeStringField("to", item.to());
        json.writeStringField("label", item.label());
        writeIf(json, "operation", item.operation());
        if (item.status() != null) {
            json.writeNumberField("status", item.status());
        }
        if (item.latencyMs() != null) {
            json.writeNumberField("latencyMs", item.latencyMs());
        }
        if (item.durationMs() != null) {
            json.writeNumberField("durationMs", item.durationMs());
        }
        writeIf(json, "eventId", item.eventId());
        writeIf(json, "eventType", item.eventType());
        writeIf(json, "connectionId", item.connectionId());
        writeIf(json, "outcome", item.outcome());
        if (item.attempt() != null) {
            json.writeNumberField("attempt", item.attempt());
        }
        json.writeEndObject();
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
            node.put("eventKept", true);
        } else if (item.kind() == ActivityKind.EVENT) {
            node.putNull("event");
            node.put("eventKept", false);
        }
        return node;
    }

    /**
     * {@code body} (JSON when the kept bytes are, else text), {@code bodyLength}, {@code bodyTruncated} and
     * {@code bodyKept} (false, with a null body and length, when no one read the feed as it passed).
     */
    private static void body(ObjectNode into, BoundedBody body) {
        if (!body.kept()) {
            into.putNull("body").putNull("bodyLength").put("bodyTruncated", false).put("bodyKept", false);
            return;
        }
        if (body.length() == 0) {
            into.putNull("body");
        } else if (!body.truncated() && (body.bytes()[0] == '{' || body.bytes()[0] == '[')) {
            into.set("body", parsed(body.bytes()));
        } else {
            into.put("body", new String(body.bytes(), StandardCharsets.UTF_8));
        }
        into.put("bodyLength", body.length()).put("bodyTruncated", body.truncated()).put("bodyKept", true);
    }

    private static JsonNode parsed(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            return NODES.textNode(new String(json, StandardCharsets.UTF_8));
        }
    }

    /** A call as the list of calls shows it ({@link #writeSummary}, the feed's own writer, as a tree). */
    public static ObjectNode summary(CallSummary summary) {
        return (ObjectNode) tree(json -> writeSummary(json, summary));
    }

    /**
     * Writes a call as the feed's {@code call} event shows it: ids, {@code active} or {@code ended}, how many
     * participants, its connections' ids and states, when it was first seen and when it ended (null while it goes on).
     */
    public static void writeSummary(JsonGenerator json, CallSummary summary) throws IOException {
        json.writeStartObject();
        json.writeStringField("serverCallId", summary.serverCallId());
        json.writeStringField("correlationId", summary.correlationId());
        json.writeStringField("state", summary.ended() ? "ended" : "active");
        json.writeNumberField("participants", summary.participants());
        json.writeArrayFieldStart("connections");
        for (CallSummary.Connection connection : summary.connections()) {
            json.writeStartObject();
            json.writeStringField("callConnectionId", connection.callConnectionId());
            json.writeStringField("state", connection.state());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("created", summary.created().toString());
        json.writeStringField("ended", summary.endedAt() == null ? null : summary.endedAt().toString());
        json.writeEndObject();
    }

    /** What {@code body} writes, as a tree: the one writer serves the feed's bytes and the lists' trees alike. */
    private static JsonNode tree(ActivityFeed.JsonBody body) {
        try (TokenBuffer tokens = new TokenBuffer(MAPPER, false)) {
            body.write(tokens);
            return MAPPER.readTree(tokens.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory does not fail", e);
        }
    }

    private static void writeIf(JsonGenerator json, String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

    private static void putIf(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
