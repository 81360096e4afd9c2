package dev.acsemulator.benchmarks.micro;

import dev.acsemulator.benchmarks.AbstractMicrobenchmark;
import dev.acsemulator.events.EventTimes;
import org.openjdk.jmh.annotations.Benchmark;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Every callback's {@code time} (issue #14: a big call's hundreds of events a second): {@link #formatter} formats each
 * time with the {@link DateTimeFormatter} of the service's pattern (the path before), {@link #eventTimes} with
 * {@link EventTimes}, which keeps the text of the last second and writes only the fraction. Both give the same text;
 * the times advance 37 µs an event, so a new second comes about every 27,000 events.
 */
public class EventTimesBenchmark extends AbstractMicrobenchmark {

    private static final DateTimeFormatter SERVICE_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSxxx").withZone(ZoneOffset.UTC);

    private Instant time = Fixtures.NOW;

    private Instant nextTime() {
        time = time.plusNanos(37_000);
        return time;
    }

    @Benchmark
    public String formatter() {
        return SERVICE_FORMAT.format(nextTime());
    }

    @Benchmark
    public String eventTimes() {
        return EventTimes.format(nextTime());
    }
}
