package dev.acsemulator;

import dev.acsemulator.admin.AdminApi;
import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.api.ApiException;
import dev.acsemulator.api.ApiService;
import dev.acsemulator.api.RequestContext;
import dev.acsemulator.api.RequestTarget;
import dev.acsemulator.api.content.RecordingContentApi;
import dev.acsemulator.dashboard.Dashboard;
import dev.acsemulator.delivery.auth.OpenIdDocuments;
import dev.acsemulator.http.HttpRequestMessage;
import dev.acsemulator.http.HttpResponseMessage;
import dev.acsemulator.http.RequestHandler;
import dev.acsemulator.runtime.Activity;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The first stop of every request: the public documents (callback JWT keys, health), the Call Automation API under
 * {@code /calling/}, recording files under {@code /v1/objects/}, the control API under {@code /admin/} and the dashboard's page under {@code /dashboard}. Anything else is a 404 in the service's error format.
 */
final class FrontDoor implements RequestHandler, RequestHandler.EdgeErrors {

    private final ApiService api;
    private final AdminApi admin;
    private final RecordingContentApi recordingContent;
    private final String callbackTokenIssuer;
    private final String jwks;
    private final Supplier<HttpResponseMessage> health;
    private final Activity activity;
    private final Dashboard dashboard;

    FrontDoor(ApiService api, AdminApi admin, RecordingContentApi recordingContent, String callbackTokenIssuer, String jwks, Supplier<HttpResponseMessage> health,
              Activity activity, Dashboard dashboard) {
        this.activity = activity;
        this.dashboard = dashboard;
        this.api = api;
        this.admin = admin;
        this.recordingContent = recordingContent;
        this.callbackTokenIssuer = callbackTokenIssuer;
        this.jwks = jwks;
        this.health = health;
    }

    @Override
    public CompletionStage<HttpResponseMessage> handle(HttpRequestMessage request) {
        activity.requestStarted();
        try {
            return route(request).whenComplete((response, error) -> activity.requestFinished());
        } catch (RuntimeException e) {
            activity.requestFinished();
            throw e;
        }
    }

    private CompletionStage<HttpResponseMessage> route(HttpRequestMessage request) {
        RequestTarget target = RequestTarget.parse(request.rawTarget());
        String path = target.rawPath();
        if (request.method().equals("GET")) {
            switch (path) {
                case OpenIdDocuments.OPENID_CONFIGURATION_PATH:
                    String jwksUri = RequestContext.baseUrl(request.scheme(), request.header("host"),
                            request.localPort()) + OpenIdDocuments.JWKS_PATH;
                    return done(HttpResponseMessage.json(200,
                            OpenIdDocuments.openIdConfigurationJson(callbackTokenIssuer, jwksUri)));
                case OpenIdDocuments.JWKS_PATH:
                    return done(HttpResponseMessage.json(200, jwks));
                case "/health":
                    return done(health.get());
                default:
                    break;
            }
        }
        if (path.startsWith("/calling/")) {
            return api.handle(request, target);
        }
        if (path.startsWith(RecordingContentApi.PREFIX)) {
            return recordingContent.handle(request, target);
        }
        if (path.startsWith("/admin/") || path.equals("/admin")) {
            return admin.handle(request, target);
        }
        if (Dashboard.owns(path)) {
            return done(dashboard.serve(request.method(), path, request.header("if-none-match")));
        }
        return done(ApiErrors.render(ApiErrors.noSuchResource(path)));
    }

    @Override
    public HttpResponseMessage payloadTooLarge(long limitBytes) {
        return ApiErrors.render(ApiErrors.payloadTooLarge(limitBytes));
    }

    @Override
    public HttpResponseMessage malformedRequest(String reason) {
        return ApiErrors.render(ApiErrors.malformedRequest(reason));
    }

    @Override
    public HttpResponseMessage expectationFailed(String expectation) {
        return ApiErrors.render(ApiErrors.expectationFailed(expectation));
    }

    @Override
    public HttpResponseMessage headersTooLarge(int limitBytes) {
        return ApiErrors.render(ApiErrors.headersTooLarge(limitBytes));
    }

    @Override
    public HttpResponseMessage requestLineTooLong(int limitBytes) {
        return ApiErrors.render(ApiErrors.requestLineTooLong(limitBytes));
    }

    @Override
    public HttpResponseMessage requestTimeout(String part, java.time.Duration limit) {
        return ApiErrors.render(ApiErrors.requestTimeout(part, limit));
    }

    @Override
    public HttpResponseMessage internalError(String requestId) {
        ApiException error = ApiErrors.internalError();
        return ApiErrors.render(error);
    }

    private static CompletableFuture<HttpResponseMessage> done(HttpResponseMessage response) {
        return CompletableFuture.completedFuture(response);
    }
}
