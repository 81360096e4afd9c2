package dev.acsemulator.admin.client;

/** How a {@link ControlClient} reaches the control API: over HTTP, or in-process. */
@FunctionalInterface
public interface ControlTransport {

    /** A response: status and body text (empty when there is none). */
    record Reply(int status, String body) { }

    Reply send(String method, String path, String jsonBody);
}
