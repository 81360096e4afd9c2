package dev.acsemulator.call.recording;

import dev.acsemulator.call.audio.AudioRate;
import dev.acsemulator.call.audio.Mixer;
import dev.acsemulator.call.audio.Signal;
import dev.acsemulator.call.audio.Span;
import dev.acsemulator.call.audio.WavHeader;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The WAV file of a recording: 16 kHz 16-bit PCM, one channel or one per participant, as long as the recording's
 * unpaused segments, carrying the call's audio timeline there and silent elsewhere:
 * <ul>
 *   <li>what each participant said (the keys they pressed, DTMF tone pairs; the words they spoke) in their
 *       channel;</li>
 *   <li>what the application played to each participant (the samples of a WAV prompt or hold audio, from where it
 *       started to where it ended or was cut off; each tone SendDtmfTones sent; audio it streamed in) in that
 *       participant's channel. A mixed recording hears a sound played to several participants at once once.</li>
 * </ul>
 * Sounds at the same time add up, clipped to 16 bits. What fell in a pause is not in the file. Bytes are made on
 * demand for the range asked, so a long recording costs no memory until it is downloaded, and a {@code Range}
 * request costs only its range.
 */
public final class RecordedAudio {

    public static final int SAMPLE_RATE = AudioRate.KHZ_16.hertz();
    public static final int BITS_PER_SAMPLE = WavHeader.BITS_PER_SAMPLE;
    private static final int HEADER_BYTES = WavHeader.BYTES;

    private final int channels;
    private final long frames;
    private final List<Placed> spans;

    /**
     * A sound on one channel from file frame {@code start} (inclusive) to {@code end} (exclusive), its signal
     * {@code offset} samples in at {@code start}.
     */
    private record Placed(int channel, long start, long end, Signal signal, long offset) {
        double value(long frame) {
            return signal.value(offset + frame - start, SAMPLE_RATE);
        }
    }

    public RecordedAudio(RecordedSession session) {
        this.channels = session.channelCount();
        this.frames = frames(session.duration());
        this.spans = placed(session);
    }

    public int channels() {
        return channels;
    }

    /** The file's length in bytes, header included. */
    public long size() {
        return HEADER_BYTES + frames * channels * 2L;
    }

    /** {@code length} bytes of the file from {@code offset}; fewer at its end. */
    public byte[] read(long offset, int length) {
        long end = Math.min(size(), offset + length);
        byte[] out = new byte[(int) Math.max(0, end - offset)];
        byte[] header = WavHeader.of(channels, SAMPLE_RATE, frames * channels * 2L);
        long firstFrame = Math.max(0, offset - HEADER_BYTES) / 2 / channels;
        long lastFrame = Math.max(0, end - HEADER_BYTES + 1) / 2 / channels + 1;
        List<Placed> near = spans.stream().filter(span -> span.start() < lastFrame && span.end() > firstFrame)
                .toList();
        long sampleIndex = -1;
        short sample = 0;
        for (long at = offset; at < end; at++) {
            if (at < HEADER_BYTES) {
                out[(int) (at - offset)] = header[(int) at];
                continue;
            }
            long dataOffset = at - HEADER_BYTES;
            if (dataOffset / 2 != sampleIndex) {
                sampleIndex = dataOffset / 2;
                sample = sample(near, sampleIndex / channels, (int) (sampleIndex % channels));
            }
            out[(int) (at - offset)] = dataOffset % 2 == 0 ? (byte) (sample & 0xff) : (byte) ((sample >> 8) & 0xff);
        }
        return out;
    }

    private static short sample(List<Placed> spans, long frame, int channel) {
        double value = 0;
        for (Placed span : spans) {
            if (span.channel() == channel && frame >= span.start() && frame < span.end()) {
                value += span.value(frame);
            }
        }
        return Mixer.clip(value);
    }

    /**
     * Each sound in its channel, continuing after a pause where the call's time had taken it. A mixed recording takes
     * a sound the application played to several participants at once (the same signal over the same time) once.
     */
    private static List<Placed> placed(RecordedSession session) {
        List<Placed> placed = new ArrayList<>();
        List<Span> mixedOnce = new ArrayList<>();
        for (Span sound : session.sounds()) {
            if (sound.kind() == Span.Kind.HEARD && !session.options().isUnmixed()) {
                if (mixedOnce.stream().anyMatch(seen -> seen.signal().equals(sound.signal())
                        && seen.start().equals(sound.start()) && seen.end().equals(sound.end()))) {
                    continue;
                }
                mixedOnce.add(sound);
            }
            int channel = session.channelOf(sound.person());
            Duration before = Duration.ZERO;
            for (RecordedSession.Segment segment : session.segments()) {
                Instant start = sound.start().isAfter(segment.start()) ? sound.start() : segment.start();
                Instant end = sound.end().isBefore(segment.end()) ? sound.end() : segment.end();
                if (start.isBefore(end)) {
                    long first = frames(before.plus(Duration.between(segment.start(), start)));
                    long last = frames(before.plus(Duration.between(segment.start(), end)));
                    placed.add(new Placed(channel, first, last, sound.signal(),
                            frames(Duration.between(sound.start(), start))));
                }
                before = before.plus(segment.length());
            }
        }
        return placed;
    }

    private static long frames(Duration duration) {
        return duration.toNanos() * SAMPLE_RATE / 1_000_000_000L;
    }
}
