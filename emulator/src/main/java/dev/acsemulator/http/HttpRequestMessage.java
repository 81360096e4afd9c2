package dev.acsemulator.http;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A fully received HTTP request, free of Netty types.
 *
 * @param rawTarget the request target exactly as sent (path and query, percent-encoding kept), which HMAC signs
 * @param headers   header names lower-cased; a repeated header keeps its first value
 * @param scheme    {@code https} or {@code http}, by the listener that received it
 * @param localPort the port the request arrived on
 * @param responseWritten completed by the edge once the answer to this request is written to the client (or can no
 *                        longer be); whatever must reach the client after the answer waits for it
 * @param notes           what the layers serving the request learned about it, for the decorators around them
 */
public record HttpRequestMessage(String method, String rawTarget, Map<String, String> headers, byte[] body,
                                 String scheme, int localPort, CompletableFuture<Void> responseWritten,
                                 RequestNotes notes) {

    /** A request as the edge receives it: nothing is noted of it yet. */
    public HttpRequestMessage(String method, String rawTarget, Map<String, String> headers, byte[] body,
                              String scheme, int localPort, CompletableFuture<Void> responseWritten) {
        this(method, rawTarget, headers, body, scheme, localPort, responseWritten, new RequestNotes());
    }

    /** A request served in-process, with no connection to write an answer to: it counts as answered at once. */
    public HttpRequestMessage(String method, String rawTarget, Map<String, String> headers, byte[] body,
                              String scheme, int localPort) {
        this(method, rawTarget, headers, body, scheme, localPort, CompletableFuture.completedFuture(null));
    }

    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }
}
