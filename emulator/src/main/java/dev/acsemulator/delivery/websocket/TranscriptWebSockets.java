package dev.acsemulator.delivery.websocket;

import dev.acsemulator.call.transcription.TranscriptFrame;
import dev.acsemulator.call.transcription.TranscriptSockets;
import dev.acsemulator.events.TranscriptFrameJson;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Transcription's sockets as the service opens them (docs/side-channels.md B2): a WebSocket to the application's
 * {@code transportUrl} with the service's Bearer JWT and {@code x-ms-call-*} headers, carrying each frame as one
 * JSON text message. Transcription only sends: what the application sends back is ignored. A socket the application
 * closes, or that breaks, is reported as dropped; one the emulator closes is not.
 */
public final class TranscriptWebSockets implements TranscriptSockets {

    private final WebSocketClient client;
    private final StreamSocketHeaders headers;

    public TranscriptWebSockets(WebSocketClient client, StreamSocketHeaders headers) {
        this.client = client;
        this.headers = headers;
    }

    @Override
    public CompletableFuture<TranscriptSocket> open(URI transportUrl, String callConnectionId, String correlationId,
                                                    Runnable onDropped) {
        AtomicBoolean closedByEmulator = new AtomicBoolean();
        WebSocketListener listener = (code, reason, error) -> {
            if (!closedByEmulator.get()) {
                onDropped.run();
            }
        };
        return client.connect(transportUrl, headers.forConnection(callConnectionId, correlationId), listener)
                .thenApply(session -> new TranscriptSocket() {
                    @Override
                    public void send(TranscriptFrame frame) {
                        session.sendText(TranscriptFrameJson.write(frame));
                    }

                    @Override
                    public void close() {
                        closedByEmulator.set(true);
                        session.close(WebSocketSession.NORMAL_CLOSURE, "transcription stopped");
                    }

                    @Override
                    public void abort() {
                        session.abort();
                    }
                });
    }
}
