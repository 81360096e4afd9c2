package dev.acsemulator.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.IdentifierKind;

/**
 * {@code CommunicationIdentifierModel} both ways. Written always with {@code kind}, {@code rawId} and the kind's
 * sub-object, which both SDKs accept (sdk-wire-facts.md §6); read from whatever SDKs send: Java 1.0.4 never sends
 * {@code kind}, so the kind comes from the sub-object present, else from the raw id's prefix.
 */
public final class IdentifierModels {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private IdentifierModels() {
    }

    public static ObjectNode write(Identifier identifier) {
        ObjectNode node = NODES.objectNode();
        node.put("rawId", identifier.rawId());
        node.put("kind", identifier.kind().wireName());
        switch (identifier.kind()) {
            case COMMUNICATION_USER -> node.putObject("communicationUser").put("id", identifier.rawId());
            case PHONE_NUMBER -> node.putObject("phoneNumber").put("value", identifier.phoneNumber());
            case MICROSOFT_TEAMS_USER -> node.putObject("microsoftTeamsUser")
                    .put("userId", identifier.teamsId())
                    .put("isAnonymous", identifier.anonymous())
                    .put("cloud", identifier.cloud());
            case MICROSOFT_TEAMS_APP -> node.putObject("microsoftTeamsApp")
                    .put("appId", identifier.teamsId())
                    .put("cloud", identifier.cloud());
            case UNKNOWN -> { }
        }
        return node;
    }

    /** {@code PhoneNumberIdentifierModel}: {@code {"value": "+1..."}}. */
    public static ObjectNode writePhoneNumber(Identifier identifier) {
        return NODES.objectNode().put("value", identifier.phoneNumber());
    }

    /** {@code CommunicationUserIdentifierModel}: {@code {"id": "8:acs:..."}}. */
    public static ObjectNode writeCommunicationUser(Identifier identifier) {
        return NODES.objectNode().put("id", identifier.rawId());
    }

    /**
     * Reads an identifier model. Returns null when the node names no identity at all; the caller reports that as a
     * bad request.
     */
    public static Identifier read(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        String rawId = text(node, "rawId");
        JsonNode user = node.get("communicationUser");
        JsonNode phone = node.get("phoneNumber");
        JsonNode teamsUser = node.get("microsoftTeamsUser");
        JsonNode teamsApp = node.get("microsoftTeamsApp");
        if (user != null && user.isObject() && text(user, "id") != null) {
            return Identifier.communicationUser(text(user, "id"));
        }
        if (phone != null && phone.isObject() && text(phone, "value") != null) {
            return Identifier.phoneNumber(text(phone, "value"));
        }
        if (teamsUser != null && teamsUser.isObject() && text(teamsUser, "userId") != null) {
            String cloud = text(teamsUser, "cloud");
            boolean anonymous = teamsUser.path("isAnonymous").asBoolean(false);
            String id = rawId != null ? rawId : (anonymous ? "8:teamsvisitor:" : prefix("8:", cloud))
                    + text(teamsUser, "userId");
            return new Identifier(IdentifierKind.MICROSOFT_TEAMS_USER, id, cloud, anonymous);
        }
        if (teamsApp != null && teamsApp.isObject() && text(teamsApp, "appId") != null) {
            String cloud = text(teamsApp, "cloud");
            String id = rawId != null ? rawId : prefix("28:", cloud) + text(teamsApp, "appId");
            return new Identifier(IdentifierKind.MICROSOFT_TEAMS_APP, id, cloud, false);
        }
        return rawId == null || rawId.isBlank() ? null : Identifier.fromRawId(rawId);
    }

    /** Reads a {@code PhoneNumberIdentifierModel}. */
    public static Identifier readPhoneNumber(JsonNode node) {
        String value = node == null ? null : text(node, "value");
        return value == null || value.isBlank() ? null : Identifier.phoneNumber(value);
    }

    /** Reads a {@code CommunicationUserIdentifierModel}. */
    public static Identifier readCommunicationUser(JsonNode node) {
        String id = node == null ? null : text(node, "id");
        return id == null || id.isBlank() ? null : Identifier.communicationUser(id);
    }

    private static String prefix(String base, String cloud) {
        if ("dod".equalsIgnoreCase(cloud)) {
            return base + "dod:";
        }
        return "gcch".equalsIgnoreCase(cloud) ? base + "gcch:" : base + "orgid:";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
