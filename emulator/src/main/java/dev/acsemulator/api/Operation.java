package dev.acsemulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

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
     * What the handler produced: how to build its body (null for 204-style operations) of the given spec definition
     * (used to shape it for the api-version), and the call's correlation id for {@code X-Microsoft-Skype-Chain-ID}.
     * The body is built from immutable values each time it is asked for, so a repeated request's answer is rendered
     * again, byte for byte, instead of kept.
     */
    record Result(Supplier<ObjectNode> body, String definition, String correlationId) {
        public static Result empty() {
            return new Result(null, null, null);
        }
    }
}
