package dev.acsemulator.api;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Callback URIs must be absolute {@code https} URIs for the real service (D-TSCODES: "Call Automation doesn't support
 * HTTP endpoints"). The emulator also accepts {@code http}, since local apps listen on plain HTTP on loopback; strict
 * mode enforces the service's rule.
 */
public final class CallbackUris {

    /**
     * The longest callback URI accepted. The service publishes no limit; 2,048 characters is the common bound of URLs
     * (openapi/DEVIATIONS.md 40), and a longer one would be repeated in every delivery's log line and journal entry.
     */
    public static final int MAX_URI_CHARS = 2048;

    private final boolean httpsOnly;

    public CallbackUris(boolean httpsOnly) {
        this.httpsOnly = httpsOnly;
    }

    /** Returns the URI if acceptable, null if absent; throws the service's error if invalid. */
    public String check(String uri, boolean required) {
        if (uri == null || uri.isEmpty()) {
            if (required) {
                throw ApiErrors.invalidCallbackUri();
            }
            return null;
        }
        if (uri.length() > MAX_URI_CHARS) {
            throw ApiErrors.invalidCallbackUri();
        }
        try {
            URI parsed = new URI(uri);
            String scheme = parsed.getScheme();
            boolean schemeOk = "https".equalsIgnoreCase(scheme) || !httpsOnly && "http".equalsIgnoreCase(scheme);
            if (!parsed.isAbsolute() || !schemeOk || parsed.getHost() == null) {
                throw ApiErrors.invalidCallbackUri();
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ApiErrors.invalidCallbackUri();
        }
    }
}
