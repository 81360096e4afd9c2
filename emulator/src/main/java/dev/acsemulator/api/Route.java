package dev.acsemulator.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One operation of the served surface, as its handler group declares it in one line:
 * <pre>{@code
 * Route.post(CALL + "/participants:add", "CallConnection_AddParticipant", 202, this::add).withRepeatability()
 *         .withBodies("AddParticipantRequest", "AddParticipantResponse").withTarget("participantToAdd")
 *         .withDeviations(1, 6, 7)
 * }</pre>
 *
 * @param method             HTTP method, upper case
 * @param path               the spec's path template
 * @param operationId        the spec's operationId
 * @param successStatus      its only success status
 * @param repeatable         whether it takes the Repeatability-* headers
 * @param requestDefinition  the spec definition of its request body, null when it has none
 * @param responseDefinition the spec definition of its response body, null when it has none
 * @param operation          the handler
 * @param targetFields       the request body fields that name the identity the operation targets (an identifier,
 *                           or an array of them whose first counts), in order of preference; fault rules match on it
 * @param deviations         the numbers of the openapi/DEVIATIONS.md entries that apply to this operation
 * @param unbuiltOptions     request body fields whose effect the emulator does not build: a request that asks for one
 *                           ({@link #askedUnbuiltOption}) answers 501 NotImplemented naming it, never a quiet 200
 */
public record Route(String method, PathTemplate path, String operationId, int successStatus, boolean repeatable,
                    String requestDefinition, String responseDefinition, Operation operation,
                    List<String> targetFields, List<Integer> deviations, List<String> unbuiltOptions) {

    public Route {
        targetFields = List.copyOf(targetFields);
        deviations = List.copyOf(deviations);
        unbuiltOptions = List.copyOf(unbuiltOptions);
    }

    public static Route get(String path, String operationId, int status, Operation operation) {
        return of("GET", path, operationId, status, operation);
    }

    public static Route post(String path, String operationId, int status, Operation operation) {
        return of("POST", path, operationId, status, operation);
    }

    public static Route delete(String path, String operationId, int status, Operation operation) {
        return of("DELETE", path, operationId, status, operation);
    }

    public static Route of(String method, String path, String operationId, int status, Operation operation) {
        return new Route(method, new PathTemplate(path), operationId, status, false, null, null, operation, List.of(),
                List.of(), List.of());
    }

    /** This route, taking the Repeatability-* headers. */
    public Route withRepeatability() {
        return new Route(method, path, operationId, successStatus, true, requestDefinition, responseDefinition,
                operation, targetFields, deviations, unbuiltOptions);
    }

    /** This route with the spec definitions of its request and response bodies (either may be null). */
    public Route withBodies(String request, String response) {
        return new Route(method, path, operationId, successStatus, repeatable, request, response, operation,
                targetFields, deviations, unbuiltOptions);
    }

    /** This route with the request body fields that name its target identity, in order of preference. */
    public Route withTarget(String... fields) {
        return new Route(method, path, operationId, successStatus, repeatable, requestDefinition, responseDefinition,
                operation, List.of(fields), deviations, unbuiltOptions);
    }

    /** This route with the openapi/DEVIATIONS.md entries that apply to it. */
    public Route withDeviations(Integer... numbers) {
        return new Route(method, path, operationId, successStatus, repeatable, requestDefinition, responseDefinition,
                operation, targetFields, List.of(numbers), unbuiltOptions);
    }

    /** This route, refusing requests that ask for one of {@code fields} (see {@link #askedUnbuiltOption}). */
    public Route withUnbuiltOptions(String... fields) {
        return new Route(method, path, operationId, successStatus, repeatable, requestDefinition, responseDefinition,
                operation, targetFields, deviations, List.of(fields));
    }

    /**
     * The first of {@link #unbuiltOptions} that {@code body} asks for: present with a value other than JSON
     * {@code null} or {@code false} ({@code "enableLoopbackAudio": false} asks for nothing; an options object does,
     * even with its {@code start...} flag false, since the service then sets up a subscription that GetCall shows and
     * a later start uses). Null when it asks for none.
     */
    public String askedUnbuiltOption(JsonNode body) {
        if (unbuiltOptions.isEmpty() || body == null || !body.isObject()) {
            return null;
        }
        for (String field : unbuiltOptions) {
            JsonNode value = at(body, field);
            if (value != null && !value.isNull() && !(value.isBoolean() && !value.asBoolean())) {
                return field;
            }
        }
        return null;
    }

    /** This route on another template of the same path (the table refines where colons start actions). */
    Route withPath(PathTemplate refined) {
        return new Route(method, refined, operationId, successStatus, repeatable, requestDefinition,
                responseDefinition, operation, targetFields, deviations, unbuiltOptions);
    }

    /** Whether the emulator serves this operation, or answers it with 501 NotImplemented. */
    public boolean isImplemented() {
        return !(operation instanceof NotImplementedOperation);
    }

    /**
     * The raw id of the identity a request body targets: the first of {@link #targetFields} that holds an identifier
     * with a {@code rawId} (for an array, its first element); null when none does.
     */
    public String targetRawId(JsonNode body) {
        if (targetFields.isEmpty() || body == null || !body.isObject()) {
            return null;
        }
        for (String field : targetFields) {
            JsonNode value = at(body, field);
            if (value == null) {
                continue;
            }
            JsonNode rawId = (value.isArray() ? value.path(0) : value).path("rawId");
            if (rawId.isTextual()) {
                return rawId.asText();
            }
        }
        return null;
    }

    /** The value at a field of the body, or of an object in it by a dotted path ({@code recognizeOptions.choices}). */
    private static JsonNode at(JsonNode body, String field) {
        JsonNode value = body;
        for (String name : field.split("\\.")) {
            value = value == null ? null : value.get(name);
        }
        return value;
    }
}
