package dev.acsemulator.admin.client;

/** The control API refused a request: its status and {@code {"error":{"code","message"}}}. */
public final class ControlApiException extends RuntimeException {

    private final int status;
    private final String code;

    public ControlApiException(int status, String code, String message) {
        super(status + " " + code + ": " + message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
