package dev.acsemulator.call.recording;

import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.media.DtmfTone;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a stopped recording captured, from which its file and metadata are made: when it recorded (the segments
 * between pauses), who is on which channel, and the key presses it heard.
 *
 * @param channels         the participant of each channel of an unmixed recording, in channel order; for a mixed
 *                         recording the participants it heard, all on its one channel
 * @param sessionEndReason {@code CallEnded} when the call ended, {@code SessionEnded} when the application stopped it
 */
public record RecordedSession(String recordingId, String documentId, String serverCallId, String correlationId,
                              RecordingOptions options, List<Segment> segments, List<Identifier> channels,
                              List<Tone> tones, String sessionEndReason) {

    public RecordedSession {
        segments = List.copyOf(segments);
        channels = List.copyOf(channels);
        tones = List.copyOf(tones);
    }

    /** An unpaused stretch of the recording, on the emulator's clock. */
    public record Segment(Instant start, Instant end) {
        public Duration length() {
            return Duration.between(start, end);
        }
    }

    /** A key pressed by a participant, sounding from {@code at} for {@link #TONE_LENGTH}. */
    public record Tone(Instant at, DtmfTone tone, Identifier person) { }

    /** How long each pressed key sounds, and the silence after it before the next key of the same press. */
    public static final Duration TONE_LENGTH = Duration.ofMillis(100);
    public static final Duration TONE_GAP = Duration.ofMillis(50);

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
