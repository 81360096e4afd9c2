package dev.acsemulator.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** Request bodies may carry {@code "field": null} for an optional field; the service reads that as "not given". */
final class NullFields {

    private NullFields() {
    }

    /** {@code node} itself when it has no null-valued object member, otherwise a copy without them. */
    static JsonNode withoutNullFields(JsonNode node) {
        return hasNullField(node) ? strip(node.deepCopy()) : node;
    }

    private static boolean hasNullField(JsonNode node) {
        if (node.isObject()) {
            for (JsonNode child : node) {
                if (child.isNull() || hasNullField(child)) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                if (hasNullField(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static JsonNode strip(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            List<String> nulls = new ArrayList<>();
            obj.properties().forEach(f -> {
                if (f.getValue().isNull()) {
                    nulls.add(f.getKey());
                } else {
                    strip(f.getValue());
                }
            });
            obj.remove(nulls);
        } else if (node instanceof ArrayNode array) {
            array.forEach(NullFields::strip);
        }
        return node;
    }
}
