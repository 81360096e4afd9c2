package dev.acsemulator.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Each kind of {@link Fault} as JSON: its {@code type} name, how it is read and how it is written back, one line per
 * kind. Loading the table fails, naming the kind, when a fault type {@link Fault} permits (through its site groups) has
 * no line or two, so a new fault cannot be accepted in a rule and listed as an empty object.
 */
final class FaultKinds {

    private record Kind<F extends Fault>(String name, Class<F> type, Function<JsonNode, F> reader,
                                         BiConsumer<F, ObjectNode> writer) {
        ObjectNode write(Fault fault) {
            ObjectNode node = JsonNodeFactory.instance.objectNode().put("type", name);
            writer.accept(type.cast(fault), node);
            return node;
        }
    }

    private static final List<Kind<?>> KINDS = List.of(
            kind("httpError", Fault.HttpError.class,
                    node -> new Fault.HttpError(status(node, 400, 599), node.path("code").asText("Injected"),
                            node.path("message").asText("Injected by an emulator fault rule."),
                            node.hasNonNull("retryAfterSeconds") ? node.get("retryAfterSeconds").asInt() : null),
                    (fault, node) -> {
                        node.put("status", fault.status()).put("code", fault.code()).put("message", fault.message());
                        if (fault.retryAfterSeconds() != null) {
                            node.put("retryAfterSeconds", fault.retryAfterSeconds());
                        }
                    }),
            kind("latency", Fault.Latency.class,
                    node -> new Fault.Latency(delay(node.get("delay"))),
                    (fault, node) -> node.set("delay", writeDelay(fault.delay()))),
            kind("dropConnection", Fault.DropConnection.class,
                    node -> new Fault.DropConnection(node.path("reset").asBoolean(false)),
                    (fault, node) -> node.put("reset", fault.reset())),
            kind("failOutcome", Fault.FailOutcome.class,
                    node -> new Fault.FailOutcome(node.hasNonNull("code") ? node.get("code").asInt() : null,
                            node.hasNonNull("subCode") ? node.get("subCode").asInt() : null,
                            node.hasNonNull("message") ? node.get("message").asText() : null),
                    (fault, node) -> {
                        if (fault.code() != null) {
                            node.put("code", fault.code());
                        }
                        if (fault.subCode() != null) {
                            node.put("subCode", fault.subCode());
                        }
                        if (fault.message() != null) {
                            node.put("message", fault.message());
                        }
                    }),
            kind("dropEvent", Fault.DropEvent.class,
                    node -> new Fault.DropEvent(),
                    (fault, node) -> { }),
            kind("delayEvent", Fault.DelayEvent.class,
                    node -> new Fault.DelayEvent(delay(node.get("delay"))),
                    (fault, node) -> node.set("delay", writeDelay(fault.delay()))),
            kind("duplicateEvent", Fault.DuplicateEvent.class,
                    node -> new Fault.DuplicateEvent(),
                    (fault, node) -> { }),
            kind("reorderEvents", Fault.ReorderEvents.class,
                    node -> new Fault.ReorderEvents(positive(node, "windowMillis")),
                    (fault, node) -> node.put("windowMillis", fault.windowMillis())),
            kind("failDelivery", Fault.FailDelivery.class,
                    node -> new Fault.FailDelivery(node.path("status").asInt(503)),
                    (fault, node) -> node.put("status", fault.status())),
            kind("slowDelivery", Fault.SlowDelivery.class,
                    node -> new Fault.SlowDelivery(delay(node.get("delay"))),
                    (fault, node) -> node.set("delay", writeDelay(fault.delay()))),
            kind("refuseStream", Fault.RefuseStream.class,
                    node -> new Fault.RefuseStream(),
                    (fault, node) -> { }),
            kind("dropStream", Fault.DropStream.class,
                    node -> new Fault.DropStream(node.path("afterFrames").asInt(0)),
                    (fault, node) -> node.put("afterFrames", fault.afterFrames())),
            kind("delayStreamFrames", Fault.DelayStreamFrames.class,
                    node -> new Fault.DelayStreamFrames(delay(node.get("delay"))),
                    (fault, node) -> node.set("delay", writeDelay(fault.delay()))));

    private static final Map<String, Kind<?>> BY_NAME = new HashMap<>();
    private static final Map<Class<?>, Kind<?>> BY_TYPE = new HashMap<>();

    static {
        for (Kind<?> kind : KINDS) {
            if (BY_NAME.put(kind.name(), kind) != null || BY_TYPE.put(kind.type(), kind) != null) {
                throw new IllegalStateException("Two lines for fault kind " + kind.name());
            }
        }
        TreeSet<String> missing = new TreeSet<>();
        for (Class<?> type : faultTypes()) {
            if (!BY_TYPE.containsKey(type)) {
                missing.add(type.getSimpleName());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No JSON line for fault types " + missing + " in FaultKinds");
        }
    }

    private FaultKinds() {
    }

    /** Reads the fault object of a rule, e.g. {@code {"type": "delayEvent", "delay": {"fixed": 200}}}. */
    static Fault read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("'fault' must be an object with a 'type'");
        }
        String name = node.path("type").asText("");
        Kind<?> kind = BY_NAME.get(name);
        if (kind == null) {
            throw new IllegalArgumentException("unknown fault type '" + name + "'; the types are "
                    + new TreeSet<>(BY_NAME.keySet()));
        }
        return kind.reader().apply(node);
    }

    /** A fault as the JSON it was given in. */
    static ObjectNode write(Fault fault) {
        return BY_TYPE.get(fault.getClass()).write(fault);
    }

    /** The {@code type} names, one per fault kind. */
    static List<String> names() {
        return KINDS.stream().map(Kind::name).toList();
    }

    /** Every concrete fault type: the records {@link Fault} permits, through its sealed site groups. */
    static List<Class<?>> faultTypes() {
        List<Class<?>> records = new java.util.ArrayList<>();
        Deque<Class<?>> pending = new ArrayDeque<>(List.of(Fault.class));
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            if (type.isSealed()) {
                pending.addAll(List.of(type.getPermittedSubclasses()));
            } else {
                records.add(type);
            }
        }
        return records;
    }

    private static <F extends Fault> Kind<F> kind(String name, Class<F> type, Function<JsonNode, F> reader,
                                                  BiConsumer<F, ObjectNode> writer) {
        return new Kind<>(name, type, reader, writer);
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

    private static ObjectNode writeDelay(DelayDistribution delay) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        switch (delay.kind()) {
            case FIXED -> node.put("fixed", delay.millis());
            case UNIFORM -> node.putArray("uniform").add(delay.minMillis()).add(delay.maxMillis());
            case LOGNORMAL -> node.putObject("lognormal").put("median", delay.millis()).put("sigma", delay.sigma());
        }
        return node;
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
}
