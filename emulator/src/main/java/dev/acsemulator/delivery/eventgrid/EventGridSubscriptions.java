package dev.acsemulator.delivery.eventgrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.events.EventGridEventType;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Subscriptions as JSON, the same in the config file and the control API: {@code {"name", "endpoint",
 * "toRawIds": [], "toRawIdPrefixes": [], "schema": "EventGridSchema"|"CloudEventSchemaV1_0",
 * "maxDeliveryAttempts": 30, "eventTimeToLiveInMinutes": 1440,
 * "includedEventTypes": ["Microsoft.Communication.IncomingCall"]}}.
 */
public final class EventGridSubscriptions {

    /**
     * Event Grid's rule for an event subscription's name: 3 to 64 alphanumerics and hyphens. The name travels in the
     * {@code aeg-subscription-name} header of every delivery, so a control character must never get in.
     */
    private static final java.util.regex.Pattern VALID_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9-]{3,64}");

    private EventGridSubscriptions() {
    }

    public static EventGridSubscription read(JsonNode node) {
        String name = text(node, "name");
        String endpoint = text(node, "endpoint");
        if (name == null || name.isBlank() || endpoint == null) {
            throw new IllegalArgumentException("an Event Grid subscription needs a 'name' and an 'endpoint'");
        }
        if (!VALID_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'name' must be 3 to 64 letters, digits or hyphens, as Event Grid's "
                    + "subscription names are (it was " + name.length() + " characters long)");
        }
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'endpoint' must be an absolute http or https URL");
        }
        if (uri.getHost() == null || !List.of("http", "https").contains(uri.getScheme())) {
            throw new IllegalArgumentException("'endpoint' must be an absolute http or https URL");
        }
        EventGridSubscription.Schema schema = node.hasNonNull("schema")
                ? EventGridSubscription.Schema.fromWireName(node.get("schema").asText())
                : EventGridSubscription.Schema.EVENT_GRID;
        int attempts = node.path("maxDeliveryAttempts").asInt(EventGridSubscription.DEFAULT_MAX_ATTEMPTS);
        Duration timeToLive = node.hasNonNull("eventTimeToLiveInMinutes")
                ? Duration.ofMinutes(node.get("eventTimeToLiveInMinutes").asLong())
                : EventGridSubscription.DEFAULT_TIME_TO_LIVE;
        Set<EventGridEventType> types = EventGridEventType.fromWireNames(strings(node, "includedEventTypes"));
        return new EventGridSubscription(name, endpoint, strings(node, "toRawIds"), strings(node, "toRawIdPrefixes"),
                schema, attempts, timeToLive, types);
    }

    public static ObjectNode write(EventGridSubscription subscription) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("name", subscription.name())
                .put("endpoint", subscription.endpoint()).put("schema", subscription.schema().wireName())
                .put("maxDeliveryAttempts", subscription.maxDeliveryAttempts())
                .put("eventTimeToLiveInMinutes", subscription.eventTimeToLive().toMinutes());
        subscription.toRawIds().forEach(node.putArray("toRawIds")::add);
        subscription.toRawIdPrefixes().forEach(node.putArray("toRawIdPrefixes")::add);
        ArrayNode types = node.putArray("includedEventTypes");
        subscription.includedEventTypes().forEach(type -> types.add(type.wireName()));
        return node;
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        JsonNode list = node.get(field);
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new IllegalArgumentException("'" + field + "' must be an array of strings");
            }
            list.forEach(value -> values.add(value.asText()));
        }
        return values;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
