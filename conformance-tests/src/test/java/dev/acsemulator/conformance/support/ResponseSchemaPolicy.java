package dev.acsemulator.conformance.support;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.api.ApiException;
import dev.acsemulator.api.RequestTarget;
import dev.acsemulator.api.Route;
import dev.acsemulator.api.RouteTable;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.net.URL;

/**
 * An SDK pipeline policy that hands every successful response body the official SDK receives to {@link SchemaCheck},
 * against the response model the route table names for the operation, for the api-version the SDK sent.
 */
public final class ResponseSchemaPolicy implements HttpPipelinePolicy {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final RouteTable routes;

    public ResponseSchemaPolicy(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        return next.process().flatMap(response -> {
            HttpResponse buffered = response.buffer();
            return buffered.getBodyAsString().defaultIfEmpty("").map(body -> {
                check(context.getHttpRequest().getHttpMethod().name(), context.getHttpRequest().getUrl(),
                        buffered.getStatusCode(), body);
                return buffered;
            });
        });
    }

    private void check(String method, URL url, int status, String body) {
        if (status >= 300 || body.isEmpty()) {
            return;
        }
        Route route;
        try {
            route = routes.find(method, url.getPath()).route();
        } catch (ApiException e) {
            return;
        }
        if (route.responseDefinition() == null) {
            return;
        }
        String apiVersion = RequestTarget.parse(url.getFile()).query().get("api-version");
        try {
            SchemaCheck.response(apiVersion, route.responseDefinition(), MAPPER.readTree(body),
                    route.operationId() + " response");
        } catch (IOException e) {
            SchemaCheck.response(apiVersion, route.responseDefinition(), MAPPER.nullNode(),
                    route.operationId() + " response is not JSON: " + e.getMessage());
        }
    }
}
