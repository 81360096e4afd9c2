package dev.acsemulator.conformance.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.api.schema.SchemaRegistry;
import dev.acsemulator.api.schema.SchemaViolation;
import dev.acsemulator.api.schema.ValidationMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Validates what the emulator sends against the JSON Schemas of the api-version it was asked for: every response
 * body against its operation's response model, every callback event's data against its event model. Violations are
 * collected, and each test asserts there were none.
 */
public final class SchemaCheck {

    /** Event fields the service sends on every event even where the version's model lacks them (DEVIATIONS.md 5). */
    private static final Set<String> ALWAYS_SENT = Set.of("version", "publicEventType", "resultInformation",
            "operationContext");

    private static final SchemaRegistry REGISTRY = SchemaRegistry.loadFromClasspath();
    private static final List<String> VIOLATIONS = new ArrayList<>();

    private SchemaCheck() {
    }

    /** Checks whatever the receiver got: callback events and Event Grid notifications. */
    public static void received(dev.acsemulator.junit5.CallbackReceiver.Received post) {
        if (!post.method().equals("POST") || "SubscriptionValidation".equals(post.header("aeg-event-type"))) {
            return;
        }
        JsonNode json = post.json();
        if ("Notification".equals(post.header("aeg-event-type"))) {
            JsonNode event = json.isArray() ? json.get(0) : json;
            // RecordingFileStatusUpdated has no model in the Call Automation specs; RecordingAcceptanceTest checks it.
            if (event.path("eventType").asText(event.path("type").asText()).endsWith(".IncomingCall")) {
                incomingCall(event);
            }
        } else {
            for (JsonNode event : json) {
                event(event);
            }
        }
    }

    public static void response(String apiVersion, String definition, JsonNode body, String what) {
        record(what, REGISTRY.validate(apiVersion, definition, body, ValidationMode.RESPONSE));
    }

    /** Validates one CloudEvent's data against the model of its type, for the api-version in its data. */
    public static void event(JsonNode cloudEvent) {
        String type = cloudEvent.path("type").asText().replace("Microsoft.Communication.", "");
        ObjectNode data = cloudEvent.path("data").deepCopy();
        String apiVersion = data.path("version").asText();
        Set<String> absent = REGISTRY.absentProperties(apiVersion, type);
        if (type.equals("RecordingStateChanged")) {
            data.remove("eventSource"); // sent by the real service beyond every model (call-automation-behaviour.md §2.22)
        }
        for (String field : ALWAYS_SENT) {
            if (field.equals("version") || field.equals("publicEventType") || absent.contains(field)) {
                data.remove(field);
            }
        }
        record(type + " event for " + apiVersion, REGISTRY.validate(apiVersion, type, data, ValidationMode.RESPONSE));
    }

    /** Validates an Event Grid IncomingCall's data against the newest stable IncomingCall model. */
    public static void incomingCall(JsonNode eventGridEvent) {
        record("IncomingCall", REGISTRY.validate("2026-03-12", "IncomingCall", eventGridEvent.path("data"),
                ValidationMode.RESPONSE));
    }

    private static void record(String what, List<SchemaViolation> violations) {
        synchronized (VIOLATIONS) {
            for (SchemaViolation violation : violations) {
                VIOLATIONS.add(what + ": " + violation.pointer() + " " + violation.message());
            }
        }
    }

    /** The violations so far; clears them. */
    public static List<String> drain() {
        synchronized (VIOLATIONS) {
            List<String> copy = List.copyOf(VIOLATIONS);
            VIOLATIONS.clear();
            return copy;
        }
    }
}
