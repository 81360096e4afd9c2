package dev.acsemulator.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.Supplier;

/**
 * Fault rules as JSON, the same in the config file ({@code "faults": [...]}) and the control API:
 * <pre>
 * {"id": "optional", "count": 1, "probability": 1.0,
 *  "match": {"operation": "CallConnection_AddParticipant", "eventType": null, "callConnectionId": null,
 *            "serverCallId": null, "target": "4:+14255550123", "transportUrl": null},
 *  "fault": {"type": "httpError", "status": 503, "code": "ServiceUnavailable", "message": "...",
 *            "retryAfterSeconds": 2}}
 * </pre>
 * Fault types: httpError, latency {delay}, dropConnection {reset}, failOutcome {code, subCode, message: each
 * optional}, dropEvent, delayEvent {delay}, duplicateEvent, reorderEvents {windowMillis}, failDelivery {status},
 * slowDelivery {delay}, refuseStream, dropStream {afterFrames}, delayStreamFrames {delay}.
 * A delay is {@code {"fixed": 200}}, {@code {"uniform": [100, 300]}} or
 * {@code {"lognormal": {"median": 100, "sigma": 0.5}}}, in milliseconds.
 */
public final class FaultJson {

    private FaultJson() {
    }

    public static FaultRule read(JsonNode node, Supplier<String> newId) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a fault rule must be a JSON object");
        }
        JsonNode match = node.path("match");
        FaultMatch faultMatch = new FaultMatch(text(match, "operation"), text(match, "eventType"),
                text(match, "callConnectionId"), text(match, "serverCallId"), text(match, "target"),
                text(match, "transportUrl"));
        Integer count = node.hasNonNull("count") ? node.get("count").asInt() : null;
        double probability = node.hasNonNull("probability") ? node.get("probability").asDouble() : 1.0;
        String id = node.hasNonNull("id") ? node.get("id").asText() : newId.get();
        Fault fault = FaultKinds.read(node.get("fault"));
        faultMatch.requireUsableAt(fault.site(), node.path("fault").path("type").asText());
        return new FaultRule(id, faultMatch, fault, count, probability);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    public static ObjectNode write(FaultRule rule) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("id", rule.id());
        ObjectNode match = node.putObject("match");
        putIfSet(match, "operation", rule.match().operation());
        putIfSet(match, "eventType", rule.match().eventType());
        putIfSet(match, "callConnectionId", rule.match().callConnectionId());
        putIfSet(match, "serverCallId", rule.match().serverCallId());
        putIfSet(match, "target", rule.match().target());
        putIfSet(match, "transportUrl", rule.match().transportUrl());
        if (rule.count() != null) {
            node.put("count", rule.count());
        }
        node.put("probability", rule.probability());
        node.put("applied", rule.applied());
        node.set("fault", writeFault(rule.fault()));
        return node;
    }

    /** A fault as the JSON it was given in. */
    public static ObjectNode writeFault(Fault fault) {
        return FaultKinds.write(fault);
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
