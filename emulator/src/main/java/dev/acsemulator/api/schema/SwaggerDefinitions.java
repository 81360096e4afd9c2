package dev.acsemulator.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the {@code definitions} of a Swagger 2.0 document (plus the shared {@code common.json} it references) into
 * plain JSON-Schema draft-04 definitions that a standard validator can use.
 *
 * <p>What it does, in order:
 * <ol>
 *   <li>Merges the common definitions in. A spec definition that is only an alias of a common one
 *       ({@code {"$ref": "../../../Common/stable/.../common.json#/definitions/X"}}) is replaced by the common
 *       definition itself.</li>
 *   <li>Rewrites every cross-file {@code $ref} ({@code ...common.json#/definitions/X}) to {@code #/definitions/X}.</li>
 *   <li>Drops the Swagger-only keywords that are not JSON Schema: every {@code x-*} extension, {@code discriminator},
 *       {@code readOnly}, {@code example}, {@code externalDocs}, {@code xml}. {@code format} is dropped too: formats are
 *       annotations here (int32, int64, double, uri, date-time, uuid), never assertions. The real service's own format
 *       checks are not documented, and a wrong {@code format} assertion would reject requests the service accepts.</li>
 *   <li>Flattens {@code allOf} inheritance: a sub-model gets its parent's properties and required list copied in, so
 *       {@code additionalProperties: false} (which in draft-04 only sees properties of the same schema object) works.</li>
 *   <li>Replaces a polymorphic base model (one with {@code discriminator}) by a dispatcher to its sub-models: a plain
 *       {@code $ref} when there is one sub-model, a {@code oneOf} keyed on the discriminator value otherwise.</li>
 * </ol>
 * The result has definitions only; {@code additionalProperties} is left as the spec wrote it ({@link VersionProfile}
 * decides it per validation mode).
 */
final class SwaggerDefinitions {

    private static final Set<String> DROPPED_KEYWORDS =
            Set.of("discriminator", "readOnly", "example", "externalDocs", "xml", "format");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SwaggerDefinitions() {
    }

    /** Builds the merged, draft-04 {@code definitions} object of {@code spec} with {@code common} merged in. */
    static ObjectNode convert(JsonNode spec, JsonNode common) {
        ObjectNode defs = NODES.objectNode();
        common.path("definitions").properties().forEach(e -> defs.set(e.getKey(), e.getValue().deepCopy()));
        spec.path("definitions").properties().forEach(e -> {
            JsonNode def = e.getValue();
            if (isCommonAlias(def) && refName(def.get("$ref").asText()).equals(e.getKey()) && defs.has(e.getKey())) {
                return; // alias of the identical common definition: keep the common one
            }
            defs.set(e.getKey(), def.deepCopy());
        });
        defs.properties().forEach(e -> e.setValue(clean(e.getValue())));
        flattenInheritance(defs);
        dispatchPolymorphicBases(defs, spec.path("definitions"));
        return defs;
    }

    private static boolean isCommonAlias(JsonNode def) {
        return def.size() == 1 && def.has("$ref") && def.get("$ref").asText().contains(".json#/definitions/");
    }

    static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /**
     * Recursively rewrites refs and drops Swagger-only keywords, marking extensible enums ({@link ExtensibleEnums}).
     * Property names are never treated as keywords.
     */
    private static JsonNode clean(JsonNode node) {
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            node.forEach(item -> out.add(clean(item)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.startsWith("x-") || DROPPED_KEYWORDS.contains(key)) {
                continue;
            }
            switch (key) {
                case "$ref" -> out.put("$ref", "#/definitions/" + refName(value.asText()));
                case "properties" -> {
                    ObjectNode props = NODES.objectNode();
                    value.properties().forEach(p -> props.set(p.getKey(), clean(p.getValue())));
                    out.set("properties", props);
                }
                case "enum", "required", "description", "title" -> out.set(key, value.deepCopy());
                default -> out.set(key, clean(value));
            }
        }
        if (ExtensibleEnums.isExtensible(node)) {
            out.put(ExtensibleEnums.MARK, true);
        }
        return out;
    }

    /** Copies parent properties and required names into every {@code allOf} sub-model and removes the {@code allOf}. */
    private static void flattenInheritance(ObjectNode defs) {
        Map<String, ObjectNode> flattened = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        defs.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            flatten(defs, name, flattened, new LinkedHashSet<>());
        }
        flattened.forEach(defs::set);
    }

    private static ObjectNode flatten(ObjectNode defs, String name, Map<String, ObjectNode> done, Set<String> path) {
        if (done.containsKey(name)) {
            return done.get(name);
        }
        ObjectNode def = (ObjectNode) defs.get(name);
        if (def == null || !def.has("allOf") || !path.add(name)) {
            return def;
        }
        ObjectNode merged = NODES.objectNode();
        ObjectNode props = NODES.objectNode();
        Set<String> required = new LinkedHashSet<>();
        for (JsonNode part : def.get("allOf")) {
            ObjectNode parent = part.has("$ref") ? flatten(defs, refName(part.get("$ref").asText()), done, path) : (ObjectNode) part;
            if (parent == null) {
                continue;
            }
            parent.path("properties").properties().forEach(p -> props.set(p.getKey(), p.getValue().deepCopy()));
            parent.path("required").forEach(r -> required.add(r.asText()));
        }
        def.properties().forEach(f -> {
            if (!f.getKey().equals("allOf") && !f.getKey().equals("properties") && !f.getKey().equals("required")) {
                merged.set(f.getKey(), f.getValue().deepCopy());
            }
        });
        def.path("properties").properties().forEach(p -> props.set(p.getKey(), p.getValue().deepCopy()));
        def.path("required").forEach(r -> required.add(r.asText()));
        merged.put("type", "object");
        merged.set("properties", props);
        if (!required.isEmpty()) {
            ArrayNode req = merged.putArray("required");
            required.forEach(req::add);
        }
        done.put(name, merged);
        return merged;
    }

    /**
     * Replaces each base model that declares a {@code discriminator} by a dispatcher to its sub-models (found through
     * their {@code allOf} and {@code x-ms-discriminator-value} in the original spec), so that a property typed as the
     * base accepts the sub-model's properties.
     */
    private static void dispatchPolymorphicBases(ObjectNode defs, JsonNode originalDefs) {
        Map<String, Map<String, String>> subtypesByBase = new LinkedHashMap<>();
        originalDefs.properties().forEach(e -> {
            JsonNode def = e.getValue();
            if (!def.has("allOf") || !def.has("x-ms-discriminator-value")) {
                return;
            }
            for (JsonNode part : def.get("allOf")) {
                if (part.has("$ref")) {
                    String base = refName(part.get("$ref").asText());
                    if (originalDefs.path(base).has("discriminator")) {
                        subtypesByBase.computeIfAbsent(base, b -> new LinkedHashMap<>())
                                .put(def.get("x-ms-discriminator-value").asText(), e.getKey());
                    }
                }
            }
        });
        subtypesByBase.forEach((base, subtypes) -> {
            String discriminator = originalDefs.get(base).get("discriminator").asText();
            ObjectNode dispatcher = NODES.objectNode();
            if (subtypes.size() == 1) {
                dispatcher.put("$ref", "#/definitions/" + subtypes.values().iterator().next());
            } else {
                ArrayNode oneOf = dispatcher.putArray("oneOf");
                subtypes.forEach((value, subtype) -> {
                    ObjectNode sub = (ObjectNode) defs.get(subtype);
                    ObjectNode props = (ObjectNode) sub.get("properties");
                    JsonNode prop = props.path(discriminator);
                    ObjectNode constrained = NODES.objectNode();
                    constrained.putArray("allOf").add(prop.isMissingNode() ? NODES.objectNode() : prop.deepCopy())
                            .add(NODES.objectNode().set("enum", NODES.arrayNode().add(value)));
                    props.set(discriminator, constrained);
                    oneOf.add(NODES.objectNode().put("$ref", "#/definitions/" + subtype));
                });
            }
            defs.set(base, dispatcher);
        });
    }
}
