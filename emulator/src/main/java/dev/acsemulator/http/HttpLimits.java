package dev.acsemulator.http;

import java.time.Duration;

/**
 * What a connection may take of the server: the largest request body, and how long a client may take to send a
 * request's headers, then its body, and how long a connection may sit idle between requests.
 *
 * @param maxBodyBytes  larger bodies get 413
 * @param headerTimeout from a request's first byte to the end of its headers; then 408 and the connection closes
 * @param bodyTimeout   from the end of a request's headers to the end of its body; then 408 and the connection closes
 * @param idleTimeout   a connection with no request in progress and no answer owed is closed after this long
 */
public record HttpLimits(int maxBodyBytes, Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout) {

    public HttpLimits {
        requirePositive(headerTimeout, "headerTimeout");
        requirePositive(bodyTimeout, "bodyTimeout");
        requirePositive(idleTimeout, "idleTimeout");
    }

    private static void requirePositive(Duration timeout, String name) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
