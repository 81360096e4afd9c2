package dev.acsemulator.events;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Event timestamps as the service writes them: seven fractional digits and an explicit {@code +00:00}
 * (call-automation-behaviour.md §3).
 *
 * <p>Events come in bursts within one second (a big call sends hundreds), so the text up to the fraction is kept for
 * the last second formatted and only the seven digits are written for each event; a new second goes through the
 * formatter. The result is the formatter's, character for character ({@code EventTimesTest}).
 */
public final class EventTimes {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSxxx").withZone(ZoneOffset.UTC);
    private static final String OFFSET = "+00:00";
    private static final int FRACTION_DIGITS = 7;

    /** The last second formatted: its text up to and including the decimal point. */
    private record Second(long epochSecond, String upToFraction) { }

    private static volatile Second last = new Second(Long.MIN_VALUE, "");

    private EventTimes() {
    }

    public static String format(Instant instant) {
        Second second = last;
        if (second.epochSecond() != instant.getEpochSecond()) {
            String text = FORMAT.format(instant);
            last = new Second(instant.getEpochSecond(),
                    text.substring(0, text.length() - FRACTION_DIGITS - OFFSET.length()));
            return text;
        }
        return withFraction(second.upToFraction(), instant.getNano() / 100);
    }

    private static String withFraction(String upToFraction, int hundredsOfNanos) {
        char[] text = new char[upToFraction.length() + FRACTION_DIGITS + OFFSET.length()];
        upToFraction.getChars(0, upToFraction.length(), text, 0);
        int digits = upToFraction.length() + FRACTION_DIGITS;
        for (int at = digits - 1; at >= upToFraction.length(); at--) {
            text[at] = (char) ('0' + hundredsOfNanos % 10);
            hundredsOfNanos /= 10;
        }
        OFFSET.getChars(0, OFFSET.length(), text, digits);
        return new String(text);
    }
}
