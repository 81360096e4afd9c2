package dev.acsemulator.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.api.CallbackUris;
import dev.acsemulator.api.Operation;
import dev.acsemulator.api.Route;
import dev.acsemulator.api.RouteGroup;
import dev.acsemulator.call.streaming.MediaStreamingService;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** The media streaming operations of the CallMedia group: StartMediaStreaming and StopMediaStreaming. */
public final class StreamingHandlers implements RouteGroup {

    private static final String CALL = "/calling/callConnections/{callConnectionId}";

    private final MediaStreamingService streams;
    private final CallbackUris callbackUris;

    public StreamingHandlers(MediaStreamingService streams, CallbackUris callbackUris) {
        this.streams = streams;
        this.callbackUris = callbackUris;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post(CALL + ":startMediaStreaming", "CallMedia_StartMediaStreaming", 202, this::start)
                        .withBodies("StartMediaStreamingRequest", null).withDeviations(49),
                Route.post(CALL + ":stopMediaStreaming", "CallMedia_StopMediaStreaming", 202, this::stop)
                        .withBodies("StopMediaStreamingRequest", null).withDeviations(49));
    }

    public CompletionStage<Operation.Result> start(Operation.Request request) {
        JsonNode body = bodyOf(request);
        return streams.start(request.path("callConnectionId"), RequestFields.text(body, "operationContext"),
                        callbackUris.check(RequestFields.text(body, "operationCallbackUri"), false))
                .thenApply(ignored -> Operation.Result.empty());
    }

    public CompletionStage<Operation.Result> stop(Operation.Request request) {
        JsonNode body = bodyOf(request);
        return streams.stop(request.path("callConnectionId"),
                        callbackUris.check(RequestFields.text(body, "operationCallbackUri"), false))
                .thenApply(ignored -> Operation.Result.empty());
    }

    /** Both bodies are optional: no body is no context and no callback override. */
    private static JsonNode bodyOf(Operation.Request request) {
        return request.body() == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : request.body();
    }
}
