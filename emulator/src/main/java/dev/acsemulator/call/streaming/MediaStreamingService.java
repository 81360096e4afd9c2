package dev.acsemulator.call.streaming;

import dev.acsemulator.call.Call;
import dev.acsemulator.call.CallActionException;
import dev.acsemulator.call.CallConnection;
import dev.acsemulator.call.CallConnectionState;
import dev.acsemulator.call.CallError;
import dev.acsemulator.call.CallRegistry;
import dev.acsemulator.call.CallService;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CallMedia_StartMediaStreaming and _StopMediaStreaming, and the {@code mediaStreamingOptions} of CreateCall,
 * AnswerCall and Connect (call-automation-behaviour.md §2.19). A connection's options make its {@link MediaStream};
 * with {@code startMediaStreaming} it starts as soon as the connection is connected ({@link StartStreamsOnConnect}).
 * Streams are forgotten with their call.
 */
public final class MediaStreamingService {

    private final CallRegistry registry;
    private final StreamTransport transport;
    private final Clock clock;
    private final Map<String, MediaStream> byConnection = new ConcurrentHashMap<>();

    public MediaStreamingService(CallRegistry registry, StreamTransport transport, Clock clock) {
        this.registry = registry;
        this.transport = transport;
        this.clock = clock;
        registry.whenForgotten(serverCallId -> byConnection.values()
                .removeIf(stream -> stream.connection().call().serverCallId().equals(serverCallId)));
    }

    /**
     * Gives a connection just created, answered or connected its options, on its call's lane. A connection already
     * connected by then starts at once when the options say so.
     */
    public CompletableFuture<Void> configure(String callConnectionId, MediaStreamingOptions options) {
        CallConnection connection = registry.connection(callConnectionId).orElse(null);
        if (connection == null) {
            return CompletableFuture.failedFuture(new CallActionException(CallError.CALL_CONNECTION_NOT_FOUND,
                    "Call " + callConnectionId + " not found."));
        }
        return CallService.onLane(connection.call(), () -> {
            MediaStream stream = new MediaStream(connection, options, transport, clock);
            byConnection.put(callConnectionId, stream);
            connection.call().whenEnded(stream::end);
            if (options.startMediaStreaming() && connection.state() == CallConnectionState.CONNECTED) {
                stream.start(null, null);
            }
            return null;
        });
    }

    public CompletableFuture<Void> start(String callConnectionId, String operationContext,
                                         String operationCallbackUri) {
        return onStream(callConnectionId, stream -> stream.start(operationContext, operationCallbackUri));
    }

    public CompletableFuture<Void> stop(String callConnectionId, String operationCallbackUri) {
        return onStream(callConnectionId, stream -> stream.stop(operationCallbackUri));
    }

    /** The stream of a connection, if it was given options (read it on the call's lane). */
    public Optional<MediaStream> stream(String callConnectionId) {
        return Optional.ofNullable(byConnection.get(callConnectionId));
    }

    /** The connection is connected (on its lane): its stream starts if its options ask to. */
    void connected(CallConnection connection) {
        MediaStream stream = byConnection.get(connection.callConnectionId());
        if (stream != null && stream.options().startMediaStreaming() && stream.state() == MediaStreamState.IDLE) {
            stream.start(null, null);
        }
    }

    private CompletableFuture<Void> onStream(String callConnectionId, java.util.function.Consumer<MediaStream> action) {
        CallConnection connection = registry.connection(callConnectionId).orElse(null);
        if (connection == null) {
            return CompletableFuture.failedFuture(new CallActionException(CallError.CALL_CONNECTION_NOT_FOUND,
                    "Call " + callConnectionId + " not found."));
        }
        Call call = connection.call();
        return CallService.onLane(call, () -> {
            requireEstablished(connection);
            MediaStream stream = byConnection.get(callConnectionId);
            if (stream == null) {
                throw new CallActionException(CallError.STREAM_URL_INVALID, "The call connection has no media "
                        + "streaming transport URL: give mediaStreamingOptions when creating, answering or "
                        + "connecting the call.");
            }
            action.accept(stream);
            return null;
        });
    }

    private static void requireEstablished(CallConnection connection) {
        switch (connection.state()) {
            case CONNECTED, TRANSFERRING, TRANSFER_ACCEPTED -> { }
            case DISCONNECTED -> throw new CallActionException(CallError.CALL_TERMINATED, "The call has ended.");
            default -> throw new CallActionException(CallError.CALL_NOT_ESTABLISHED,
                    "The call connection is not connected.");
        }
    }
}
