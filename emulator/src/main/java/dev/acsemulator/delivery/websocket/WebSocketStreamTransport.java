package dev.acsemulator.delivery.websocket;

import dev.acsemulator.call.streaming.AppStreamMessage;
import dev.acsemulator.call.streaming.StreamFrame;
import dev.acsemulator.call.streaming.StreamTransport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Media streams over real WebSockets: each open is a new connection with its own signed headers, frames go out as
 * the service's JSON text messages, what the application sends comes back read (text, or binary holding UTF-8 JSON).
 */
public final class WebSocketStreamTransport implements StreamTransport {

    private final WebSocketClient client;
    private final StreamSocketHeaders headers;

    public WebSocketStreamTransport(WebSocketClient client, StreamSocketHeaders headers) {
        this.client = client;
        this.headers = headers;
    }

    @Override
    public CompletableFuture<Socket> open(URI url, String callConnectionId, String correlationId, Events events) {
        return client.connect(url, headers.forConnection(callConnectionId, correlationId), new WebSocketListener() {
            @Override
            public void onText(String text) {
                events.received(AppStreamMessageReader.read(text));
            }

            @Override
            public void onBinary(byte[] data) {
                events.received(AppStreamMessageReader.read(new String(data, StandardCharsets.UTF_8)));
            }

            @Override
            public void onClosed(int code, String reason, Throwable error) {
                events.lost(error != null ? "connection dropped" : "closed by the application with " + code
                        + (reason == null || reason.isEmpty() ? "" : " " + reason));
            }
        }).thenApply(SessionSocket::new);
    }

    /** An open session as the domain's socket. */
    private record SessionSocket(WebSocketSession session) implements Socket {
        @Override
        public boolean send(StreamFrame frame) {
            return session.sendText(StreamFrameWriter.write(frame));
        }

        @Override
        public void close() {
            session.close(WebSocketSession.NORMAL_CLOSURE, "");
        }

        @Override
        public void abort() {
            session.abort();
        }
    }
}
