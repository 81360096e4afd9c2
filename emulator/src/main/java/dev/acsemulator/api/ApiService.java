package dev.acsemulator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.api.auth.Authenticator;
import dev.acsemulator.api.schema.SchemaRegistry;
import dev.acsemulator.api.schema.SchemaViolation;
import dev.acsemulator.api.schema.ValidationMode;
import dev.acsemulator.call.CallActionException;
import dev.acsemulator.call.CausingRequest;
import dev.acsemulator.events.VersionShaper;
import dev.acsemulator.http.HttpRequestMessage;
import dev.acsemulator.http.HttpResponseMessage;
import dev.acsemulator.http.RequestNotes;
import dev.acsemulator.runtime.IdSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The Call Automation REST surface: auth → api-version → route → operation/version check → body parsing, the
 * version's older field names renamed to today's ({@link OlderFieldNames}) and schema validation → options the
 * emulator does not build → repeatability → handler → response shaped for the api-version.
 * Every refusal is rendered once, from the catalogue; anything else that escapes is a bug and answers 500.
 */
public final class ApiService {

    private static final Logger LOG = LoggerFactory.getLogger(ApiService.class);

    /** The operationId of the route a request was matched to, noted for the decorators around the API. */
    public static final RequestNotes.Key<String> OPERATION = new RequestNotes.Key<>("operationId");

    private final RouteTable routes;
    private final Authenticator authenticator;
    private final ApiVersions versions;
    private final SchemaRegistry schemas;
    private final boolean strictRequests;
    private final Repeatability repeatability;
    private final VersionShaper shaper;
    private final ObjectMapper mapper;
    private final IdSource ids;
    private final Clock clock;
    private final OperationLog operationLog = new OperationLog();
    private final OperationDecorator operationDecorator;

    public ApiService(RouteTable routes, Authenticator authenticator, ApiVersions versions, SchemaRegistry schemas,
                      boolean strictRequests, Repeatability repeatability, VersionShaper shaper, ObjectMapper mapper,
                      IdSource ids, Clock clock, OperationDecorator operationDecorator) {
        this.operationDecorator = operationDecorator;
        this.routes = routes;
        this.authenticator = authenticator;
        this.versions = versions;
        this.schemas = schemas;
        this.strictRequests = strictRequests;
        this.repeatability = repeatability;
        this.shaper = shaper;
        this.mapper = mapper;
        this.ids = ids;
        this.clock = clock;
    }

    public CompletableFuture<HttpResponseMessage> handle(HttpRequestMessage request, RequestTarget target) {
        String clientRequestId = request.header("x-ms-client-request-id");
        try {
            String principal = authenticator.authenticate(request);
            String requested = target.query().get("api-version");
            String apiVersion = versions.resolve(requested, target.rawPath());
            RouteTable.Match match = routes.lookup(request.method(), target.rawPath());
            if (match == null) {
                throw ApiErrors.noSuchResource(RequestContext.baseUrl(request.scheme(), request.header("host"),
                        request.localPort()) + request.rawTarget());
            }
            Route route = match.route();
            request.notes().put(OPERATION, route.operationId());
            if (!versions.supports(apiVersion, route.operationId())) {
                throw ApiErrors.unsupportedApiVersion(target.rawPath(), requested);
            }
            JsonNode body = parseBody(route, request, apiVersion);
            String unbuiltOption = route.askedUnbuiltOption(body);
            if (unbuiltOption != null) {
                throw ApiErrors.optionNotImplemented(route.operationId(), unbuiltOption);
            }
            RequestContext context = new RequestContext(ids.guid(), clientRequestId, clock.instant(), requested,
                    apiVersion, request.scheme(), request.header("host"), request.localPort(), principal,
                    target.query());
            Operation.Request operationRequest = new Operation.Request(context, match.variables(), body);
            // What the operation causes outside this answer (IncomingCall) waits until the answer is written.
            CompletableFuture<HttpResponseMessage> response = CausingRequest.during(request.responseWritten(),
                    () -> route.repeatable()
                            ? repeatability.run(request, principal, () -> invoke(route, operationRequest))
                            : invoke(route, operationRequest).thenApply(Repeatability.Answer::response));
            return response.thenApply(answer -> {
                operationLog.record(route.operationId(), answer.status());
                return echo(answer, clientRequestId);
            });
        } catch (ApiException e) {
            operationLog.record(operationFor(request, target), e.status());
            return CompletableFuture.completedFuture(echo(ApiErrors.render(e), clientRequestId));
        } catch (CallActionException e) {
            ApiException error = ApiErrors.fromDomain(e);
            operationLog.record(operationFor(request, target), error.status());
            return CompletableFuture.completedFuture(echo(ApiErrors.render(error), clientRequestId));
        }
    }

    public OperationLog operationLog() {
        return operationLog;
    }

    /** The operation a refused request was meant for, when its method and path name one. */
    private String operationFor(HttpRequestMessage request, RequestTarget target) {
        try {
            return routes.find(request.method(), target.rawPath()).route().operationId();
        } catch (ApiException e) {
            return "(no operation)";
        }
    }

    private CompletableFuture<Repeatability.Answer> invoke(Route route, Operation.Request request) {
        CompletionStage<Operation.Result> result;
        try {
            result = operationDecorator.decorate(route).handle(request);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        String apiVersion = request.context().apiVersion();
        return result.toCompletableFuture()
                .thenApply(value -> new Repeatability.Answer(success(route, apiVersion, value),
                        () -> success(route, apiVersion, value)))
                .exceptionally(error -> Repeatability.Answer.of(failure(route, error)));
    }

    private HttpResponseMessage success(Route route, String apiVersion, Operation.Result result) {
        HttpResponseMessage response;
        if (result.body() == null) {
            response = HttpResponseMessage.empty(route.successStatus());
        } else {
            ObjectNode body = result.body().get();
            if (route.responseDefinition() != null) {
                shaper.shapeResponse(apiVersion, route.responseDefinition(), body);
            }
            response = HttpResponseMessage.json(route.successStatus(), render(body));
        }
        if (result.correlationId() != null) {
            response = response.withHeader("X-Microsoft-Skype-Chain-ID", result.correlationId());
        }
        return response;
    }

    private static HttpResponseMessage failure(Route route, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ConnectionDropException drop) {
            return HttpResponseMessage.closeConnection(drop.reset());
        }
        if (cause instanceof ApiException api) {
            return ApiErrors.render(api);
        }
        if (cause instanceof CallActionException domain) {
            return ApiErrors.render(ApiErrors.fromDomain(domain));
        }
        LOG.error("Operation {} failed unexpectedly", route.operationId(), cause);
        return ApiErrors.render(ApiErrors.internalError());
    }

    private JsonNode parseBody(Route route, HttpRequestMessage request, String apiVersion) {
        if (route.requestDefinition() == null) {
            return mapper.nullNode();
        }
        if (request.body().length == 0) {
            throw ApiErrors.invalidRequest("a request body is required.");
        }
        JsonNode body;
        try {
            body = mapper.readTree(request.body());
        } catch (JsonProcessingException e) {
            throw ApiErrors.invalidRequest("the request body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiErrors.invalidRequest("the request body could not be read.");
        }
        if (body == null || !body.isObject()) {
            throw ApiErrors.invalidRequest("the request body must be a JSON object.");
        }
        OlderFieldNames.rename(apiVersion, route.requestDefinition(), body);
        List<SchemaViolation> violations = schemas.validate(apiVersion, route.requestDefinition(), body,
                strictRequests ? ValidationMode.REQUEST_STRICT : ValidationMode.REQUEST_LENIENT);
        if (!violations.isEmpty()) {
            throw ApiErrors.invalidRequest(violations.get(0).message());
        }
        return body;
    }

    private byte[] render(ObjectNode body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A response body could not be rendered", e);
        }
    }

    private static HttpResponseMessage echo(HttpResponseMessage response, String clientRequestId) {
        return clientRequestId == null ? response : response.withHeader("x-ms-client-request-id", clientRequestId);
    }
}
