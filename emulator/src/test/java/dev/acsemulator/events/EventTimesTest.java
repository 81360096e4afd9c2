package dev.acsemulator.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event times keep the text of the last second and write only the fraction for each event: the result is the
 * service's format as a {@link DateTimeFormatter} writes it, whichever second, fraction or order the times come in.
 */
class EventTimesTest {

    private static final DateTimeFormatter SERVICE_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSxxx").withZone(ZoneOffset.UTC);

    private static void assertFormattedAsTheService(Instant time) {
        assertThat(EventTimes.format(time)).as("%s", time).isEqualTo(SERVICE_FORMAT.format(time));
    }

    @Test
    void manyEventsWithinOneSecondGetTheFormattersTextEachWithItsOwnFraction() {
        Instant second = Instant.parse("2026-12-07T16:40:00Z");
        for (int nanos : new int[] {0, 99, 100, 123_456_700, 123_456_789, 5_000_000, 999_999_900, 999_999_999, 1}) {
            assertFormattedAsTheService(second.plusNanos(nanos));
        }
        assertThat(EventTimes.format(second.plusNanos(123_456_700))).isEqualTo("2026-12-07T16:40:00.1234567+00:00");
    }

    @Test
    void timesAcrossSecondsDaysAndYearsInAnyOrderGetTheFormattersText() {
        SplittableRandom random = new SplittableRandom(14);
        Instant base = Instant.parse("2026-12-31T23:59:58Z");
        for (int i = 0; i < 20_000; i++) {
            assertFormattedAsTheService(base.plusNanos(random.nextLong(4_000_000_000L)));
        }
        for (String time : new String[] {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z",
                "0999-01-01T00:00:00.5Z", "9999-12-31T23:59:59.9999999Z", "+10000-01-01T00:00:00.25Z",
                "2024-02-29T12:00:00.0000001Z"}) {
            assertFormattedAsTheService(Instant.parse(time));
            assertFormattedAsTheService(Instant.parse(time).plusNanos(700));
        }
    }
}
