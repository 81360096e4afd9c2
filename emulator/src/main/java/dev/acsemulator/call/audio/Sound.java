package dev.acsemulator.call.audio;

import dev.acsemulator.call.Identifier;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A sound on the timeline as it unfolds: its end may not be known yet (a prompt still playing, hold audio, a stream
 * still receiving), so it is read from what makes the sound each time it is needed.
 */
final class Sound {

    private final Span.Kind kind;
    private final Identifier person;
    private final Instant start;
    private final Signal signal;
    private final Supplier<Optional<Instant>> end;

    Sound(Span.Kind kind, Identifier person, Instant start, Signal signal, Supplier<Optional<Instant>> end) {
        this.kind = kind;
        this.person = person;
        this.start = start;
        this.signal = signal;
        this.end = end;
    }

    /** A sound whose end is known from the start. */
    static Sound lasting(Span.Kind kind, Identifier person, Instant start, Instant end, Signal signal) {
        Optional<Instant> known = Optional.of(end);
        return new Sound(kind, person, start, signal, () -> known);
    }

    Span.Kind kind() {
        return kind;
    }

    Identifier person() {
        return person;
    }

    Instant start() {
        return start;
    }

    /** When it ends or ended; empty while that is not known. */
    Optional<Instant> end() {
        return end.get();
    }

    /** What of it sounds before {@code until}; empty when nothing does. */
    Optional<Span> until(Instant until) {
        Instant stop = end().filter(known -> known.isBefore(until)).orElse(until);
        return start.isBefore(stop) ? Optional.of(new Span(kind, person, start, stop, signal)) : Optional.empty();
    }
}
