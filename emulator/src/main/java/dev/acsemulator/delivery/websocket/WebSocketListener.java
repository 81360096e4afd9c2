package dev.acsemulator.delivery.websocket;

/**
 * What the application sends back on a stream socket, and its end. Called on the socket's event loop: an
 * implementation hands the work to its call's lane and returns; it never blocks.
 */
public interface WebSocketListener {

    /** A complete text message (fragments already joined); dropped unless a socket that reads overrides it. */
    default void onText(String text) {
    }

    /** A complete binary message (fragments already joined); dropped unless a socket that reads overrides it. */
    default void onBinary(byte[] data) {
    }

    /**
     * The socket is closed: by the application (its close code and reason), by {@link WebSocketSession#close}, or
     * because the connection broke ({@code error} set, code {@link WebSocketSession#ABNORMAL_CLOSURE}). Called once.
     */
    void onClosed(int code, String reason, Throwable error);

    /** A listener for sockets that only send: inbound messages are dropped. */
    WebSocketListener SEND_ONLY = (code, reason, error) -> { };
}
