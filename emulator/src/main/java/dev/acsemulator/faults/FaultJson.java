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
 *            "serverCallId": null, "target": "4:+14255550123"},
 *  "fault": {"type": "httpError", "status": 503, "code": "ServiceUnavailable", "message": "...",
 *            "retryAfterSeconds": 2}}
 * </pre>
 * Fault types: httpError, latency {delay}, dropConnection {reset}, failOutcome {code, subCode, message}, dropEvent,
 * delayEvent {delay}, duplicateEvent, reorderEvents {windowMillis}, failDelivery {status}, slowDelivery {delay}.
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
                text(match, "callConnectionId"), text(match, "serverCallId"), text(match, "target"));
        Integer count = node.hasNonNull("count") ? node.get("count").asInt() : null;
        double probability = node.hasNonNull("probability") ? node.get("probability").asDouble() : 1.0;
        String id = node.hasNonNull("id") ? node.get("id").asText() : newId.get();
        return new FaultRule(id, faultMatch, fault(node.get("fault")), count, probability);
    }

    private static Fault fault(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("'fault' must be an object with a 'type'");
        }
        String type = node.path("type").asText("");
        return switch (type) {
            case "httpError" -> new Fault.HttpError(status(node, 400, 599), node.path("code").asText("Injected"),
                    node.path("message").asText("Injected by an emulator fault rule."),
                    node.hasNonNull("retryAfterSeconds") ? node.get("retryAfterSeconds").asInt() : null);
            case "latency" -> new Fault.Latency(delay(node.get("delay")));
            case "dropConnection" -> new Fault.DropConnection(node.path("reset").asBoolean(false));
            case "failOutcome" -> new Fault.FailOutcome(node.path("code").asInt(500), node.path("subCode").asInt(0),
                    node.path("message").asText("Injected failure."));
            case "dropEvent" -> new Fault.DropEvent();
            case "delayEvent" -> new Fault.DelayEvent(delay(node.get("delay")));
            case "duplicateEvent" -> new Fault.DuplicateEvent();
            case "reorderEvents" -> new Fault.ReorderEvents(positive(node, "windowMillis"));
            case "failDelivery" -> new Fault.FailDelivery(node.path("status").asInt(503));
            case "slowDelivery" -> new Fault.SlowDelivery(delay(node.get("delay")));
            default -> throw new IllegalArgumentException("unknown fault type '" + type + "'");
        };
    }

    private static DelayDistribution delay(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("'delay' must be {\"fixed\": ms}, {\"uniform\": [min, max]} or "
                    + "{\"lognormal\": {\"median\": ms, \"sigma\": s}}");
        }
        if (node.has("fixed")) {
            return DelayDistribution.fixed(node.get("fixed").asLong());
        }
        if (node.has("uniform") && node.get("uniform").size() == 2) {
            return DelayDistribution.uniform(node.get("uniform").get(0).asLong(), node.get("uniform").get(1).asLong());
        }
        if (node.has("lognormal")) {
            return DelayDistribution.lognormal(node.get("lognormal").path("median").asLong(),
                    node.get("lognormal").path("sigma").asDouble(0.5));
        }
        throw new IllegalArgumentException("unknown delay " + node);
    }

    private static int status(JsonNode node, int min, int max) {
        int status = node.path("status").asInt(0);
        if (status < min || status > max) {
            throw new IllegalArgumentException("status must be between " + min + " and " + max);
        }
        return status;
    }

    private static long positive(JsonNode node, String field) {
        long value = node.path(field).asLong(0);
        if (value <= 0) {
            throw new IllegalArgumentException("'" + field + "' must be a positive number of milliseconds");
        }
        return value;
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
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (fault instanceof Fault.HttpError e) {
            node.put("type", "httpError").put("status", e.status()).put("code", e.code()).put("message", e.message());
            if (e.retryAfterSeconds() != null) {
                node.put("retryAfterSeconds", e.retryAfterSeconds());
            }
        } else if (fault instanceof Fault.Latency l) {
            node.put("type", "latency").set("delay", writeDelay(l.delay()));
        } else if (fault instanceof Fault.DropConnection d) {
            node.put("type", "dropConnection").put("reset", d.reset());
        } else if (fault instanceof Fault.FailOutcome f) {
            node.put("type", "failOutcome").put("code", f.code()).put("subCode", f.subCode())
                    .put("message", f.message());
        } else if (fault instanceof Fault.DropEvent) {
            node.put("type", "dropEvent");
        } else if (fault instanceof Fault.DelayEvent d) {
            node.put("type", "delayEvent").set("delay", writeDelay(d.delay()));
        } else if (fault instanceof Fault.DuplicateEvent) {
            node.put("type", "duplicateEvent");
        } else if (fault instanceof Fault.ReorderEvents r) {
            node.put("type", "reorderEvents").put("windowMillis", r.windowMillis());
        } else if (fault instanceof Fault.FailDelivery f) {
            node.put("type", "failDelivery").put("status", f.status());
        } else if (fault instanceof Fault.SlowDelivery s) {
            node.put("type", "slowDelivery").set("delay", writeDelay(s.delay()));
        }
        return node;
    }

    private static ObjectNode writeDelay(DelayDistribution delay) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        switch (delay.kind()) {
            case FIXED -> node.put("fixed", delay.millis());
            case UNIFORM -> node.putArray("uniform").add(delay.minMillis()).add(delay.maxMillis());
            case LOGNORMAL -> node.putObject("lognormal").put("median", delay.millis()).put("sigma", delay.sigma());
        }
        return node;
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
