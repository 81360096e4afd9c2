package dev.acsemulator.activity;

import java.net.URI;

/** The stable names of a sequence diagram's lifelines. */
final class Lifelines {

    private Lifelines() {
    }

    /**
     * The application behind a callback URI: {@code app:<host>[:<port>]<path>}, so two connections of one application
     * share a lifeline and two applications do not; {@code app:<fallback>} when the URI is missing or unreadable.
     */
    static String app(String callbackUri, String fallback) {
        if (callbackUri != null) {
            try {
                URI uri = URI.create(callbackUri);
                if (uri.getHost() != null) {
                    return "app:" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
                            + (uri.getRawPath() == null ? "" : uri.getRawPath());
                }
            } catch (IllegalArgumentException e) {
                // an unreadable URI names no application: the fallback does
            }
        }
        return "app:" + (fallback == null ? "unknown" : fallback);
    }
}
