package dev.acsemulator.api;

import java.time.Instant;

/**
 * Created once per request: ids, the receive time from the injected clock, the api-version asked for and the one
 * served, and where the request came in (for absolute links such as {@code nextLink}).
 */
public record RequestContext(String requestId, String clientRequestId, Instant receivedAt, String requestedApiVersion,
                             String apiVersion, String scheme, String host, int localPort, String principal,
                             java.util.Map<String, String> query) {

    /** The {@code skip} query parameter of a participants page. */
    public String skip() {
        return query.get("skip");
    }

    /** The base URL a client can call back on, e.g. {@code https://127.0.0.1:8443}. */
    public String baseUrl() {
        return baseUrl(scheme, host, localPort);
    }

    /**
     * The URL a client reached us on: its Host header's name (the Java SDK sends no port) with the port the request
     * really came in on.
     */
    public static String baseUrl(String scheme, String hostHeader, int localPort) {
        String hostOnly = hostHeader == null || hostHeader.isEmpty() ? "127.0.0.1" : stripPort(hostHeader);
        return scheme + "://" + hostOnly + ":" + localPort;
    }

    private static String stripPort(String host) {
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close < 0 ? host : host.substring(0, close + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}
