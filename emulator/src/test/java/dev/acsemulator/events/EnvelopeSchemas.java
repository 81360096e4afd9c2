package dev.acsemulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The published schemas of the envelopes around events (test resources {@code envelopes/}, see its README): the
 * CloudEvents 1.0 JSON Schema, and the Event Grid data-plane spec's {@code EventGridEvent} and
 * {@code SubscriptionValidationEventData}.
 */
final class EnvelopeSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(false).build();

    static final JsonSchema CLOUD_EVENT = FACTORY.getSchema(read("cloudevents-1.0.json"), CONFIG);
    static final JsonSchema EVENT_GRID_EVENT = eventGrid("EventGridEvent");
    static final JsonSchema SUBSCRIPTION_VALIDATION_DATA = eventGrid("SubscriptionValidationEventData");

    private EnvelopeSchemas() {
    }

    /** The violations of {@code instance}, as {@code pointer: message} lines; empty when it is valid. */
    static List<String> violations(JsonSchema schema, JsonNode instance) {
        return schema.validate(instance).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema eventGrid(String definition) {
        ObjectNode document = (ObjectNode) read("eventgrid-2018-01-01-definitions.json");
        document.put("$ref", "#/definitions/" + definition);
        return FACTORY.getSchema(document, CONFIG);
    }

    private static JsonNode read(String name) {
        try (InputStream in = EnvelopeSchemas.class.getResourceAsStream("/envelopes/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
