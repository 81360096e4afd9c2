package dev.acsemulator.http;

import java.util.Map;

/**
 * A fully received HTTP request, free of Netty types.
 *
 * @param rawTarget the request target exactly as sent (path and query, percent-encoding kept), which HMAC signs
 * @param headers   header names lower-cased; a repeated header keeps its first value
 * @param scheme    {@code https} or {@code http}, by the listener that received it
 * @param localPort the port the request arrived on
 */
public record HttpRequestMessage(String method, String rawTarget, Map<String, String> headers, byte[] body,
                                 String scheme, int localPort) {

    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }
}
