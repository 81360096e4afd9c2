package dev.acsemulator.call.recording;

import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.media.DtmfTone;
import dev.acsemulator.call.media.PcmAudio;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a stopped recording captured, from which its file and metadata are made: when it recorded (the segments
 * between pauses), who is on which channel, the key presses it heard and what the participants heard: the prompts
 * and hold audio played from WAV files, and the tones the application sent them.
 *
 * @param channels         the participant of each channel of an unmixed recording, in channel order; for a mixed
 *                         recording the participants it heard, all on its one channel
 * @param sessionEndReason {@code CallEnded} when the call ended, {@code SessionEnded} when the application stopped it
 */
public record RecordedSession(String recordingId, String documentId, String serverCallId, String correlationId,
                              RecordingOptions options, List<Segment> segments, List<Identifier> channels,
                              List<Tone> tones, List<Prompt> prompts, String sessionEndReason) {

    public RecordedSession {
        segments = List.copyOf(segments);
        channels = List.copyOf(channels);
        tones = List.copyOf(tones);
        prompts = List.copyOf(prompts);
    }

    /** An unpaused stretch of the recording, on the emulator's clock. */
    public record Segment(Instant start, Instant end) {
        public Duration length() {
            return Duration.between(start, end);
        }
    }

    /**
     * A DTMF tone on {@code person}'s channel from {@code at} for {@code length}: a key they pressed (for
     * {@link #TONE_LENGTH}), or one the application sent them (SendDtmfTones' 250 ms, or less when cut off).
     */
    public record Tone(Instant at, Duration length, DtmfTone tone, Identifier person) {
        public Instant end() {
            return at.plus(length);
        }
    }

    /**
     * The samples of a WAV file that {@code listener} heard from {@code start} to {@code end} (its end, or where it
     * was cut off), from its first sample, again and again when {@code looping} (hold audio).
     */
    public record Prompt(Instant start, Instant end, PcmAudio audio, boolean looping, Identifier listener) { }

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
