package dev.acsemulator.call;

/** A client asked for something the call's state does not allow. Always answered with a 4xx, never a 500. */
public final class CallActionException extends RuntimeException {

    private final CallError error;

    public CallActionException(CallError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public CallError error() {
        return error;
    }
}
