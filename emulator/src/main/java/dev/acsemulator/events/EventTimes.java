package dev.acsemulator.events;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Event timestamps as the service writes them: seven fractional digits and an explicit {@code +00:00}
 * (call-automation-behaviour.md §3).
 */
public final class EventTimes {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSxxx").withZone(ZoneOffset.UTC);

    private EventTimes() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
