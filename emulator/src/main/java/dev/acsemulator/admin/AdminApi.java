package dev.acsemulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.api.ApiException;
import dev.acsemulator.api.RequestTarget;
import dev.acsemulator.call.CallActionException;
import dev.acsemulator.call.CausingRequest;
import dev.acsemulator.http.HttpRequestMessage;
import dev.acsemulator.http.HttpResponseMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The control API under {@code /admin}: one route table (documented in openapi/control-api.json), small tasks that
 * work through the domain, one error shape ({@code {"error":{"code","message"}}}), optional bearer-token protection.
 */
public final class AdminApi {

    private final List<AdminRoute> routes;
    private final String token;
    private final ObjectMapper mapper = new ObjectMapper();

    AdminApi(List<AdminRoute> routes, String token) {
        this.routes = routes;
        this.token = token;
    }

    public CompletableFuture<HttpResponseMessage> handle(HttpRequestMessage request, RequestTarget target) {
        try {
            checkToken(request);
            AdminRoute route = null;
            Map<String, String> variables = null;
            boolean pathExists = false;
            for (AdminRoute candidate : routes) {
                Map<String, String> match = candidate.path().match(target.rawPath());
                if (match != null) {
                    pathExists = true;
                    if (candidate.method().equals(request.method())) {
                        route = candidate;
                        variables = match;
                        break;
                    }
                }
            }
            if (route == null) {
                throw pathExists ? ApiErrors.methodNotAllowed(request.method(), target.rawPath())
                        : ApiErrors.adminNotFound("No control API operation at " + target.rawPath() + ".");
            }
            AdminTask.Request taskRequest = new AdminTask.Request(variables, target.query(), body(request));
            AdminRoute found = route;
            // A simulated caller's IncomingCall waits, like any other, for the answer to the request that placed it.
            CompletionStage<HttpResponseMessage> result = CausingRequest.during(request.responseWritten(),
                    () -> found.task().run(taskRequest));
            return result.toCompletableFuture().exceptionally(AdminApi::failure);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failure(e));
        }
    }

    /** The route table, for documentation and tests. */
    public List<String> operations() {
        return routes.stream().map(route -> route.method() + " " + route.path() + " " + route.name()).toList();
    }

    private void checkToken(HttpRequestMessage request) {
        if (token == null || token.isEmpty()) {
            return;
        }
        String authorization = request.header("authorization");
        byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        if (authorization == null || !MessageDigest.isEqual(expected, authorization.getBytes(StandardCharsets.UTF_8))) {
            throw ApiErrors.adminUnauthorized();
        }
    }

    private JsonNode body(HttpRequestMessage request) {
        if (request.body().length == 0) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode body = mapper.readTree(request.body());
            if (body == null || !body.isObject()) {
                throw ApiErrors.adminBadRequest("The request body must be a JSON object.");
            }
            return body;
        } catch (IOException e) {
            throw ApiErrors.adminBadRequest("The request body is not valid JSON.");
        }
    }

    private static HttpResponseMessage failure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ApiException api) {
            return ApiErrors.render(api);
        }
        if (cause instanceof CallActionException domain) {
            return ApiErrors.render(switch (domain.error()) {
                case CALL_CONNECTION_NOT_FOUND, PARTICIPANT_NOT_FOUND, INVITATION_NOT_FOUND ->
                        ApiErrors.adminNotFound(domain.getMessage());
                case INVITATION_NOT_AWAITING_PERSON -> ApiErrors.adminConflict(domain.getMessage());
                // What the service itself would answer: 405 8520 unsupported, 409 8607 not now.
                case NOT_SUPPORTED, ACTION_NOT_VALID_IN_STATE -> ApiErrors.fromDomain(domain);
                default -> ApiErrors.adminBadRequest(domain.getMessage());
            });
        }
        org.slf4j.LoggerFactory.getLogger(AdminApi.class).error("Control API task failed unexpectedly", cause);
        return ApiErrors.render(ApiErrors.internalError());
    }
}
