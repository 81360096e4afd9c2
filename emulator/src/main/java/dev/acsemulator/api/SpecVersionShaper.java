package dev.acsemulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.api.schema.SchemaRegistry;
import dev.acsemulator.events.VersionShaper;

import java.util.Map;
import java.util.Set;

/**
 * Shapes bodies for the api-version asked: removes the properties that version's spec lacks (from
 * openapi/api-versions.json), at the top level and in the nested models the emulator writes.
 */
public final class SpecVersionShaper implements VersionShaper {

    /** Which spec definition each nested property the emulator writes is an instance of. */
    private static final Map<String, String> NESTED = Map.of(
            "resultInformation", "ResultInformation",
            "participants", "CallParticipant",
            "value", "CallParticipant",
            "participant", "CommunicationIdentifierModel",
            "transferTarget", "CommunicationIdentifierModel",
            "transferee", "CommunicationIdentifierModel",
            "targets", "CommunicationIdentifierModel",
            "source", "CommunicationIdentifierModel",
            "identifier", "CommunicationIdentifierModel");

    private final SchemaRegistry registry;

    public SpecVersionShaper(SchemaRegistry registry) {
        this.registry = registry;
    }

    /**
     * The fields every event carries whatever the version (call-automation-behaviour.md §2-§3: the service adds
     * resultInformation to every event since about 2024-09, and SDKs ignore fields they do not know).
     */
    private static final Set<String> EVERY_EVENT_HAS = Set.of("callConnectionId", "serverCallId", "correlationId",
            "operationContext", "resultInformation", "version", "publicEventType");

    @Override
    public void shapeEvent(String apiVersion, String eventType, ObjectNode data) {
        Set<String> absent = registry.absentProperties(apiVersion, eventType);
        for (String field : absent) {
            if (!EVERY_EVENT_HAS.contains(field)) {
                data.remove(field);
            }
        }
        data.fields().forEachRemaining(field -> {
            String nested = nestedDefinition(eventType, field.getKey());
            if (nested != null) {
                pruneValue(apiVersion, nested, field.getValue());
            }
        });
    }

    @Override
    public boolean hasEvent(String apiVersion, String eventType) {
        return registry.version(apiVersion).map(info -> info.hasEvent(eventType)).orElse(true);
    }

    @Override
    public void shapeResponse(String apiVersion, String definitionName, ObjectNode body) {
        prune(apiVersion, definitionName, body);
    }

    private void prune(String apiVersion, String definition, ObjectNode node) {
        Set<String> absent = registry.absentProperties(apiVersion, definition);
        if (!absent.isEmpty()) {
            node.remove(absent);
        }
        node.fields().forEachRemaining(field -> {
            String nested = nestedDefinition(definition, field.getKey());
            if (nested != null) {
                pruneValue(apiVersion, nested, field.getValue());
            }
        });
    }

    private static String nestedDefinition(String parent, String field) {
        if (parent.equals("AddParticipantResponse") && field.equals("participant")) {
            return "CallParticipant";
        }
        if (parent.equals("MoveParticipantsResponse") && field.equals("participants")) {
            return "CallParticipant";
        }
        return NESTED.get(field);
    }

    private void pruneValue(String apiVersion, String definition, JsonNode value) {
        if (value instanceof ObjectNode object) {
            prune(apiVersion, definition, object);
        } else if (value != null && value.isArray()) {
            for (JsonNode item : value) {
                pruneValue(apiVersion, definition, item);
            }
        }
    }
}
