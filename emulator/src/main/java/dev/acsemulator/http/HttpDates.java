package dev.acsemulator.http;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses RFC 1123 dates ({@code x-ms-date}, {@code Repeatability-First-Sent}). Clients stamp every request of the
 * same second with the same text, so the last text parsed and its instant are kept: under load almost every request
 * is a string comparison instead of a parse.
 */
public final class HttpDates {

    private record Parsed(String text, Instant instant) { }

    private static volatile Parsed last = new Parsed("", Instant.EPOCH);

    private HttpDates() {
    }

    /** The instant an RFC 1123 date names; throws {@link DateTimeParseException} when it is not one. */
    public static Instant parseRfc1123(String text) {
        Parsed cached = last;
        if (cached.text().equals(text)) {
            return cached.instant();
        }
        Instant instant = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        last = new Parsed(text, instant);
        return instant;
    }
}
