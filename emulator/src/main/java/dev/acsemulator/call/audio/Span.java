package dev.acsemulator.call.audio;

import dev.acsemulator.call.Identifier;

import java.time.Instant;

/**
 * One sound of the call over a settled stretch of time: {@code signal} from its first sample at {@code start} until
 * {@code end} (exclusive), made by or heard by {@code person} as {@code kind} says.
 */
public record Span(Kind kind, Identifier person, Instant start, Instant end, Signal signal) {

    /** Whose sound it is. */
    public enum Kind {
        /** What {@code person} put into the call: a key they pressed, words they spoke. */
        SAID,
        /** What the application played to {@code person}: a prompt, hold audio, a tone sent, streamed audio. */
        HEARD
    }

    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }
}
