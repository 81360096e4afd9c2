package dev.acsemulator.delivery.websocket;

import java.util.concurrent.CompletableFuture;

/** One open stream socket to an application: text frames out, and its close. Thread-safe. */
public interface WebSocketSession {

    /** RFC 6455 close code of a normal close: what the emulator sends when a stream stops or its call ends. */
    int NORMAL_CLOSURE = 1000;
    /** RFC 6455 code reported (never sent) when a connection ended without a close frame. */
    int ABNORMAL_CLOSURE = 1006;

    /**
     * Sends one text frame. Returns {@code false}, sending nothing, when the socket is closed or the application
     * reads so slowly that the socket's outbound buffer is full (a stream never queues without bound: a frame it
     * cannot send now is dropped, as a late frame of live audio is worthless).
     */
    boolean sendText(String text);

    /** Sends a close frame and closes the connection (after the peer's close, or at most a second later). */
    CompletableFuture<Void> close(int code, String reason);

    /** Closes the connection without a close frame, as a broken network does: both sides see 1006. */
    void abort();

    boolean isOpen();

    /** Frames {@link #sendText} refused because the socket's outbound buffer was full. */
    long framesDropped();
}
