package dev.acsemulator.api;

/**
 * Raised by a decorated operation that must not answer at all: the HTTP edge closes the request's connection
 * (with a TCP reset when {@link #reset()}), as a fault rule's {@code dropConnection} asks.
 */
public final class ConnectionDropException extends RuntimeException {

    private final boolean reset;

    public ConnectionDropException(boolean reset) {
        super(reset ? "connection reset by a fault rule" : "connection dropped by a fault rule", null, false, false);
        this.reset = reset;
    }

    public boolean reset() {
        return reset;
    }
}
