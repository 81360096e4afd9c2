package dev.acsemulator.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives the schema document for one api-version and one {@link ValidationMode} from the converted basis
 * definitions:
 * <ul>
 *   <li>properties the version lacks are removed (from {@code properties} and {@code required}); in lenient mode that
 *       makes them ignorable unknowns, in strict and response mode it makes them errors;</li>
 *   <li>properties the version has but the basis lacks are added as {@code {}} (accepted, not type-checked);</li>
 *   <li>in strict and response mode, enum values the version lacks are removed, and every object schema with
 *       {@code properties} gets {@code additionalProperties: false} unless it already constrains additional
 *       properties;</li>
 *   <li>in lenient mode every {@code additionalProperties: false} is removed (maps such as {@code voipHeaders} keep
 *       their value schema);</li>
 *   <li>in the request modes every extensible enum ({@code modelAsString: true}) accepts its values in any case
 *       ({@link ExtensibleEnums}); responses keep the exact values.</li>
 * </ul>
 */
final class VersionProfile {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String DRAFT_04 = "http://json-schema.org/draft-04/schema#";

    private VersionProfile() {
    }

    static ObjectNode document(ObjectNode basisDefinitions, ApiVersionInfo version, ValidationMode mode) {
        ObjectNode defs = basisDefinitions.deepCopy();
        version.absentProperties().forEach((def, props) ->
                modelsOf(defs, def).forEach(model -> removeProperties(model, props)));
        version.extraProperties().forEach((def, props) ->
                modelsOf(defs, def).forEach(model -> addAnyProperties(model, props)));
        if (mode == ValidationMode.REQUEST_LENIENT) {
            defs.forEach(VersionProfile::liftAdditionalPropertiesFalse);
        } else {
            version.absentEnumValues().forEach((def, values) -> removeEnumValues(defs.get(def), values));
            defs.forEach(VersionProfile::closeObjects);
        }
        boolean requestMode = mode != ValidationMode.RESPONSE;
        defs.forEach(def -> walk(def, schema -> ExtensibleEnums.profile(schema, requestMode)));
        ObjectNode doc = NODES.objectNode();
        doc.put("$schema", DRAFT_04);
        doc.set("definitions", defs);
        return doc;
    }

    /**
     * The object schemas that carry the properties of definition {@code name}: the definition itself, or, for a
     * polymorphic base that {@link SwaggerDefinitions} turned into a dispatcher, the sub-models it dispatches to.
     */
    private static List<JsonNode> modelsOf(ObjectNode defs, String name) {
        JsonNode def = defs.get(name);
        List<JsonNode> out = new ArrayList<>();
        if (def == null) {
            return out;
        }
        if (def.has("properties")) {
            out.add(def);
        } else if (def.has("$ref")) {
            out.add(defs.get(SwaggerDefinitions.refName(def.get("$ref").asText())));
        } else if (def.has("oneOf")) {
            def.get("oneOf").forEach(r -> out.add(defs.get(SwaggerDefinitions.refName(r.path("$ref").asText()))));
        }
        out.removeIf(java.util.Objects::isNull);
        return out;
    }

    private static void removeProperties(JsonNode def, Set<String> names) {
        if (def == null || !def.has("properties")) {
            return; // unknown here or a polymorphic dispatcher: nothing to narrow
        }
        ObjectNode obj = (ObjectNode) def;
        ((ObjectNode) obj.get("properties")).remove(names);
        if (obj.has("required")) {
            ArrayNode kept = NODES.arrayNode();
            obj.get("required").forEach(r -> {
                if (!names.contains(r.asText())) {
                    kept.add(r);
                }
            });
            if (kept.isEmpty()) {
                obj.remove("required");
            } else {
                obj.set("required", kept);
            }
        }
    }

    private static void addAnyProperties(JsonNode def, Set<String> names) {
        if (def == null || !def.has("properties")) {
            return;
        }
        ObjectNode props = (ObjectNode) def.get("properties");
        names.forEach(n -> {
            if (!props.has(n)) {
                props.set(n, NODES.objectNode());
            }
        });
    }

    private static void removeEnumValues(JsonNode def, Set<String> values) {
        if (def == null || !def.has("enum")) {
            return;
        }
        ArrayNode kept = NODES.arrayNode();
        def.get("enum").forEach(v -> {
            if (!values.contains(v.asText())) {
                kept.add(v);
            }
        });
        ((ObjectNode) def).set("enum", kept);
    }

    /** Walks every schema object below {@code node} (not into property names or enum values). */
    private static void walk(JsonNode node, java.util.function.Consumer<ObjectNode> visitor) {
        if (node == null || !node.isObject()) {
            if (node != null && node.isArray()) {
                node.forEach(n -> walk(n, visitor));
            }
            return;
        }
        ObjectNode obj = (ObjectNode) node;
        visitor.accept(obj);
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        obj.properties().forEach(fields::add);
        for (Map.Entry<String, JsonNode> f : fields) {
            switch (f.getKey()) {
                case "properties" -> f.getValue().forEach(p -> walk(p, visitor));
                case "enum", "required", "description", "title" -> { }
                default -> walk(f.getValue(), visitor);
            }
        }
    }

    private static void liftAdditionalPropertiesFalse(JsonNode def) {
        walk(def, obj -> {
            JsonNode ap = obj.get("additionalProperties");
            if (ap != null && ap.isBoolean() && !ap.asBoolean()) {
                obj.remove("additionalProperties");
            }
        });
    }

    private static void closeObjects(JsonNode def) {
        walk(def, obj -> {
            if (obj.has("properties") && !obj.has("additionalProperties")) {
                obj.put("additionalProperties", false);
            }
        });
    }
}
