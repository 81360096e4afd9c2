package dev.acsemulator.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.api.IdentifierRules;
import dev.acsemulator.call.CustomHeaders;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.json.IdentifierModels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads request body fields after schema validation, turning what the schema cannot check into 400s. */
final class RequestFields {

    private RequestFields() {
    }

    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static Integer integer(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asInt();
    }

    static Identifier identifier(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        Identifier identifier = IdentifierModels.read(node);
        if (identifier == null) {
            throw ApiErrors.invalidRequest("'" + field + "' is not a valid communication identifier.");
        }
        return IdentifierRules.require(identifier, field);
    }

    static Identifier requiredIdentifier(JsonNode body, String field) {
        Identifier identifier = identifier(body, field);
        if (identifier == null) {
            throw ApiErrors.invalidRequest("'" + field + "' is required.");
        }
        return identifier;
    }

    static List<Identifier> identifiers(JsonNode body, String field) {
        JsonNode array = body.get(field);
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw ApiErrors.invalidRequest("'" + field + "' must list at least one communication identifier.");
        }
        return optionalIdentifiers(body, field);
    }

    /** The identifiers of an optional array: none when it is absent or null. */
    static List<Identifier> optionalIdentifiers(JsonNode body, String field) {
        JsonNode array = body.get(field);
        List<Identifier> identifiers = new ArrayList<>();
        if (array == null || array.isNull()) {
            return identifiers;
        }
        for (int i = 0; i < array.size(); i++) {
            Identifier identifier = IdentifierModels.read(array.get(i));
            if (identifier == null) {
                throw ApiErrors.invalidRequest("'" + field + "[" + i + "]' is not a valid communication identifier.");
            }
            identifiers.add(IdentifierRules.require(identifier, field + "[" + i + "]"));
        }
        return identifiers;
    }

    static Identifier phoneNumber(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        Identifier identifier = IdentifierModels.readPhoneNumber(node);
        if (identifier == null) {
            throw ApiErrors.invalidRequest("'" + field + "' is not a valid phone number.");
        }
        return IdentifierRules.require(identifier, field);
    }

    static Identifier communicationUser(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        Identifier identifier = IdentifierModels.readCommunicationUser(node);
        if (identifier == null) {
            throw ApiErrors.invalidRequest("'" + field + "' is not a valid communication user.");
        }
        return IdentifierRules.require(identifier, field);
    }

    /** {@code callIntelligenceOptions.cognitiveServicesEndpoint}, or null when absent or blank. */
    static String cognitiveServicesEndpoint(JsonNode body) {
        JsonNode endpoint = body.path("callIntelligenceOptions").get("cognitiveServicesEndpoint");
        return endpoint == null || !endpoint.isTextual() || endpoint.asText().isBlank() ? null : endpoint.asText();
    }

    /** {@code customCallingContext}: {@code {"sipHeaders":{...},"voipHeaders":{...}}}. */
    static CustomHeaders customHeaders(JsonNode body) {
        JsonNode context = body.get("customCallingContext");
        if (context == null || !context.isObject()) {
            return CustomHeaders.NONE;
        }
        return new CustomHeaders(stringMap(context.get("sipHeaders")), stringMap(context.get("voipHeaders")));
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        }
        return map;
    }
}
