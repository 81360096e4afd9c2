package dev.acsemulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.http.HttpResponseMessage;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/** One control API operation: small, stateless, working through the domain's public services. */
@FunctionalInterface
interface AdminTask {

    CompletionStage<HttpResponseMessage> run(Request request);

    /** A control API request: decoded path variables, query and JSON body (an empty object when none was sent). */
    record Request(Map<String, String> path, Map<String, String> query, JsonNode body) {

        String path(String name) {
            return path.get(name);
        }

        /** The identity a path variable names; 400 {@code BadRequest} when it is no valid raw id (DEVIATIONS 40). */
        Identifier pathIdentity(String name) {
            return RawIds.identity(path.get(name), name);
        }

        String requiredText(String field) {
            JsonNode value = body.get(field);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw ApiErrors.adminBadRequest("'" + field + "' is required and must be a string.");
            }
            return value.asText();
        }

        String optionalText(String field) {
            JsonNode value = body.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }
    }
}
