package dev.acsemulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.api.schema.SchemaRegistry;
import dev.acsemulator.events.VersionShaper;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shapes bodies for the api-version asked: removes the properties that version's spec lacks (from
 * openapi/api-versions.json), at the top level and in every nested model, found by following the spec's
 * {@code $ref}s ({@link SchemaRegistry#propertyModels}), so a model nested at any depth is shaped without a table here.
 *
 * <p>Shaping runs for every response and every event, so it does no schema work then: the first body of an
 * api-version builds that version's {@link Shape} of every definition, linked to the shapes of the models its
 * properties hold; a body is then walked with map look-ups only.
 */
public final class SpecVersionShaper implements VersionShaper {

    /**
     * The fields every event carries whatever the version (call-automation-behaviour.md §2-§3: the service adds
     * resultInformation to every event since about 2024-09, and SDKs ignore fields they do not know).
     */
    private static final Set<String> EVERY_EVENT_HAS = Set.of("callConnectionId", "serverCallId", "correlationId",
            "operationContext", "resultInformation", "version", "publicEventType");

    private final SchemaRegistry registry;
    private final Map<String, VersionShapes> byVersion = new ConcurrentHashMap<>();

    public SpecVersionShaper(SchemaRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void shapeEvent(String apiVersion, String eventType, ObjectNode data) {
        shapes(apiVersion).events.getOrDefault(eventType, Shape.NONE).apply(data);
    }

    @Override
    public boolean hasEvent(String apiVersion, String eventType) {
        return registry.version(apiVersion).map(info -> info.hasEvent(eventType)).orElse(true);
    }

    @Override
    public void shapeResponse(String apiVersion, String definitionName, ObjectNode body) {
        shapes(apiVersion).models.getOrDefault(definitionName, Shape.NONE).apply(body);
    }

    private VersionShapes shapes(String apiVersion) {
        VersionShapes known = byVersion.get(apiVersion);
        return known != null ? known
                : byVersion.computeIfAbsent(registry.resolve(apiVersion).version(), this::build);
    }

    /** The shapes of one api-version: of each model, and of each event (which keeps {@link #EVERY_EVENT_HAS}). */
    private record VersionShapes(Map<String, Shape> models, Map<String, Shape> events) {
    }

    private VersionShapes build(String version) {
        Map<String, Shape> models = new HashMap<>();
        for (String definition : registry.definitionNames(version)) {
            models.put(definition, new Shape(registry.absentProperties(version, definition)));
        }
        models.forEach((definition, shape) -> shape.link(registry.propertyModels(version, definition), models));
        Map<String, Shape> events = new HashMap<>();
        for (String event : registry.resolve(version).events()) {
            Shape model = models.get(event);
            if (model != null) {
                events.put(event, model.keeping(EVERY_EVENT_HAS));
            }
        }
        return new VersionShapes(Map.copyOf(models), Map.copyOf(events));
    }

    /**
     * How one model is narrowed for one api-version: the properties removed, and the properties holding nested
     * models with those models' shapes (arrays, so that shaping a body allocates nothing).
     */
    private static final class Shape {

        static final Shape NONE = new Shape(Set.of());

        private final Set<String> removed;
        private String[] nestedProperties = new String[0];
        private Shape[] nestedShapes = new Shape[0];

        Shape(Set<String> removed) {
            this.removed = Set.copyOf(removed);
        }

        /** Points each property holding a model ({@code propertyModels}) at that model's shape, once, when built. */
        void link(Map<String, String> propertyModels, Map<String, Shape> shapes) {
            nestedProperties = propertyModels.keySet().toArray(new String[0]);
            nestedShapes = new Shape[nestedProperties.length];
            for (int i = 0; i < nestedProperties.length; i++) {
                nestedShapes[i] = shapes.getOrDefault(propertyModels.get(nestedProperties[i]), NONE);
            }
        }

        /** This shape, except that the properties in {@code kept} stay. */
        Shape keeping(Set<String> kept) {
            Set<String> stillRemoved = new HashSet<>(removed);
            stillRemoved.removeAll(kept);
            Shape shape = new Shape(stillRemoved);
            shape.nestedProperties = nestedProperties;
            shape.nestedShapes = nestedShapes;
            return shape;
        }

        void apply(ObjectNode node) {
            if (!removed.isEmpty()) {
                node.remove(removed);
            }
            for (int i = 0; i < nestedProperties.length; i++) {
                nestedShapes[i].applyToValue(node.get(nestedProperties[i]));
            }
        }

        private void applyToValue(JsonNode value) {
            if (value instanceof ObjectNode object) {
                apply(object);
            } else if (value != null && value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    applyToValue(value.get(i));
                }
            }
        }
    }
}
