package dev.acsemulator.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response to write: status, headers and body; or, by a fault rule's {@link Disposition}, no response at all and a
 * dropped or reset connection; or, with a {@link EventStream}, headers followed by a body written as it comes.
 */
public record HttpResponseMessage(int status, Map<String, String> headers, byte[] body, Disposition disposition,
                                  EventStream stream) {

    public static final String JSON = "application/json; charset=utf-8";

    /** What happens to the connection. */
    public enum Disposition {
        /** The response is written. */
        RESPOND,
        /** The connection is closed without a response. */
        DROP,
        /** The connection is reset (TCP RST) without a response. */
        RESET
    }

    public HttpResponseMessage(int status, Map<String, String> headers, byte[] body) {
        this(status, headers, body, Disposition.RESPOND);
    }

    public HttpResponseMessage(int status, Map<String, String> headers, byte[] body, Disposition disposition) {
        this(status, headers, body, disposition, null);
    }

    /** A 200 whose body {@code stream} writes after the headers, chunk by chunk, until either side closes. */
    public static HttpResponseMessage streaming(String contentType, EventStream stream) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("Cache-Control", "no-cache");
        return new HttpResponseMessage(200, headers, new byte[0], Disposition.RESPOND, stream);
    }

    /** No response: the connection is closed, or reset. */
    public static HttpResponseMessage closeConnection(boolean reset) {
        return new HttpResponseMessage(0, Map.of(), new byte[0], reset ? Disposition.RESET : Disposition.DROP);
    }

    public static HttpResponseMessage json(int status, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON);
        return new HttpResponseMessage(status, headers, body);
    }

    public static HttpResponseMessage json(int status, String body) {
        return json(status, body.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponseMessage empty(int status) {
        return new HttpResponseMessage(status, new LinkedHashMap<>(), new byte[0]);
    }

    public HttpResponseMessage withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpResponseMessage(status, copy, body, disposition, stream);
    }
}
