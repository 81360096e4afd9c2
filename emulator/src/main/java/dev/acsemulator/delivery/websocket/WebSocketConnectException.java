package dev.acsemulator.delivery.websocket;

/** A stream socket could not be opened: what was tried, and the transport's own cause. */
public final class WebSocketConnectException extends RuntimeException {

    public WebSocketConnectException(String message, Throwable cause) {
        super(cause == null || cause.getMessage() == null ? message : message + ": " + cause.getMessage(), cause);
    }
}
