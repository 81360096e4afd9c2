package dev.acsemulator.admin.client;

/** How a {@link ControlClient} reaches the control API: over HTTP, or in-process. */
@FunctionalInterface
public interface ControlTransport {

    /** A response: status and body bytes (empty when there is none). */
    record Reply(int status, byte[] content) {

        public Reply(int status, String body) {
            this(status, body == null ? new byte[0] : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        /** The body as text (UTF-8). */
        public String body() {
            return new String(content, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    Reply send(String method, String path, String jsonBody);
}
