package dev.acsemulator.call.recording;

import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.audio.Span;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a stopped recording captured, from which its file and metadata are made: when it recorded (the segments
 * between pauses), who is on which channel, and the call's sounds over that time: what participants said and pressed,
 * and what they heard from the application (prompts, hold audio, tones sent to them, streamed audio).
 *
 * @param channels         the participant of each channel of an unmixed recording, in channel order; for a mixed
 *                         recording the participants it heard, all on its one channel
 * @param sounds           the call's sounds from the recording's first segment to its stop, from its audio timeline
 * @param sessionEndReason {@code CallEnded} when the call ended, {@code SessionEnded} when the application stopped it
 */
public record RecordedSession(String recordingId, String documentId, String serverCallId, String correlationId,
                              RecordingOptions options, List<Segment> segments, List<Identifier> channels,
                              List<Span> sounds, String sessionEndReason) {

    public RecordedSession {
        segments = List.copyOf(segments);
        channels = List.copyOf(channels);
        sounds = List.copyOf(sounds);
    }

    /** An unpaused stretch of the recording, on the emulator's clock. */
    public record Segment(Instant start, Instant end) {
        public Duration length() {
            return Duration.between(start, end);
        }
    }

    /** When the first segment started: the chunk's start time. */
    public Instant start() {
        return segments.isEmpty() ? null : segments.get(0).start();
    }

    /** The recorded (unpaused) length. */
    public Duration duration() {
        Duration total = Duration.ZERO;
        for (Segment segment : segments) {
            total = total.plus(segment.length());
        }
        return total;
    }

    /** The pauses between segments, each from the end of one segment to the start of the next. */
    public List<Segment> pauses() {
        List<Segment> pauses = new java.util.ArrayList<>();
        for (int i = 1; i < segments.size(); i++) {
            pauses.add(new Segment(segments.get(i - 1).end(), segments.get(i).start()));
        }
        return pauses;
    }

    /** The number of audio channels of the file: one, or one per participant of an unmixed recording. */
    public int channelCount() {
        return options.isUnmixed() ? Math.max(1, channels.size()) : 1;
    }

    /** The channel a participant's audio goes to. */
    public int channelOf(Identifier person) {
        if (!options.isUnmixed()) {
            return 0;
        }
        int index = channels.indexOf(person);
        return Math.max(index, 0);
    }
}
