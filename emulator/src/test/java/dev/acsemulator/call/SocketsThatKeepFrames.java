package dev.acsemulator.call;

import dev.acsemulator.call.transcription.TranscriptFrame;
import dev.acsemulator.call.transcription.TranscriptSockets;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The domain's side of transcription sockets for domain tests: each open either succeeds, keeping every frame sent
 * and whether the socket was closed, or is refused like a transport URL nobody listens on. The WebSocket itself is
 * tested end to end in the conformance suite.
 */
final class SocketsThatKeepFrames implements TranscriptSockets {

    final List<TranscriptFrame> frames = new CopyOnWriteArrayList<>();
    final List<URI> opened = new CopyOnWriteArrayList<>();
    final AtomicInteger closed = new AtomicInteger();
    private volatile boolean refuse;
    private volatile Runnable drop;

    void refuseConnections() {
        refuse = true;
    }

    /** The application's side goes away without a close. */
    void dropOpenSocket() {
        drop.run();
    }

    @Override
    public CompletableFuture<TranscriptSocket> open(URI transportUrl, String callConnectionId, String correlationId,
                                                    Runnable onDropped) {
        if (refuse) {
            return CompletableFuture.failedFuture(new java.net.ConnectException("Connection refused: " + transportUrl));
        }
        opened.add(transportUrl);
        drop = onDropped;
        return CompletableFuture.completedFuture(new TranscriptSocket() {
            @Override
            public void send(TranscriptFrame frame) {
                frames.add(frame);
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }

            @Override
            public void abort() {
                onDropped.run();
            }
        });
    }

    <T extends TranscriptFrame> List<T> of(Class<T> type) {
        return frames.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
