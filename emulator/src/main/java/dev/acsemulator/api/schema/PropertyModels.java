package dev.acsemulator.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.Map;

/**
 * Which model each property of each definition holds, read from the {@code $ref}s of the converted spec definitions:
 * a property that is a model ({@code {"$ref": X}}) or an array of models ({@code items}) holds X. A map of models
 * ({@code additionalProperties}) is not followed: its keys are not the model's properties. Only object models count
 * (a {@code $ref} to an enum or a string holds nothing to narrow). A polymorphic base that {@link SwaggerDefinitions} turned into a dispatcher to a single sub-model
 * holds that sub-model; one that dispatches to several ({@code oneOf}) is left out, since which model an instance is
 * depends on its discriminator.
 */
final class PropertyModels {

    private PropertyModels() {
    }

    /** Definition name to (property name to the definition it holds), for every definition with such properties. */
    static Map<String, Map<String, String>> of(ObjectNode definitions) {
        Map<String, Map<String, String>> byDefinition = new HashMap<>();
        definitions.properties().forEach(definition -> {
            Map<String, String> held = new HashMap<>();
            definition.getValue().path("properties").properties().forEach(property -> {
                String model = model(definitions, property.getValue());
                if (model != null) {
                    held.put(property.getKey(), model);
                }
            });
            if (!held.isEmpty()) {
                byDefinition.put(definition.getKey(), Map.copyOf(held));
            }
        });
        return Map.copyOf(byDefinition);
    }

    private static String model(ObjectNode definitions, JsonNode property) {
        if (property.has("$ref")) {
            return objectModel(definitions, SwaggerDefinitions.refName(property.get("$ref").asText()), 0);
        }
        if (property.path("allOf").size() == 1) {
            return model(definitions, property.get("allOf").get(0));
        }
        if (property.path("items").isObject()) {
            return model(definitions, property.get("items"));
        }
        return null;
    }

    private static String objectModel(ObjectNode definitions, String name, int hops) {
        JsonNode definition = definitions.get(name);
        if (definition == null || hops > definitions.size()) {
            return null;
        }
        if (definition.has("properties")) {
            return name;
        }
        if (definition.has("$ref")) {
            return objectModel(definitions, SwaggerDefinitions.refName(definition.get("$ref").asText()), hops + 1);
        }
        return null;
    }
}
