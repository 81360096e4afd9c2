package dev.acsemulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/** An operation handler: translates a validated request into a domain call and its result into a response body. */
@FunctionalInterface
public interface Operation {

    CompletionStage<Result> handle(Request request);

    /** A request that passed auth, api-version, validation and repeatability checks. */
    record Request(RequestContext context, Map<String, String> pathVariables, JsonNode body) {
        public String path(String name) {
            return pathVariables.get(name);
        }
    }

    /**
     * What the handler produced: a body (null for 204-style operations) of the given spec definition (used to shape
     * it for the api-version), and the call's correlation id for {@code X-Microsoft-Skype-Chain-ID}.
     */
    record Result(ObjectNode body, String definition, String correlationId) {
        public static Result empty() {
            return new Result(null, null, null);
        }
    }
}
