package dev.acsemulator.call.recording;

import dev.acsemulator.call.media.PcmAudio;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The WAV file of a recording: 16 kHz 16-bit PCM, one channel or one per participant, as long as the recording's
 * unpaused segments, carrying what the call carried there and silent elsewhere:
 * <ul>
 *   <li>each key a participant pressed, a DTMF tone pair in the presser's channel;</li>
 *   <li>each tone SendDtmfTones sent, a tone pair in the target's channel;</li>
 *   <li>the samples of each WAV file played (a play's or a recognize's prompt, hold audio) in the channel of each
 *       participant who heard it, from where it started to where it ended or was cut off. A mixed recording hears a
 *       prompt played to several participants once.</li>
 * </ul>
 * Sounds at the same time add up, clipped to 16 bits. What fell in a pause is not in the file. Bytes are made on
 * demand for the range asked, so a long recording costs no memory until it is downloaded, and a {@code Range}
 * request costs only its range.
 */
public final class RecordedAudio {

    public static final int SAMPLE_RATE = 16_000;
    public static final int BITS_PER_SAMPLE = 16;
    private static final int HEADER_BYTES = 44;
    /** Each frequency at a quarter of full scale, so the pair peaks at half and never clips. */
    private static final double AMPLITUDE = 0.25 * Short.MAX_VALUE;

    private final int channels;
    private final long frames;
    private final List<Span> spans;

    /** Something sounding on one channel from file frame {@code start} (inclusive) to {@code end} (exclusive). */
    private sealed interface Span permits ToneSpan, PromptSpan {
        int channel();

        long start();

        long end();

        /** Its value at file frame {@code frame}, within its span. */
        double value(long frame);
    }

    private record ToneSpan(int channel, long start, long end, int low, int high) implements Span {
        @Override
        public double value(long frame) {
            double t = (double) (frame - start) / SAMPLE_RATE;
            return AMPLITUDE * (Math.sin(2 * Math.PI * low * t) + Math.sin(2 * Math.PI * high * t));
        }
    }

    /** A file's samples from {@code firstSample} on, at file frame {@code start}. */
    private record PromptSpan(int channel, long start, long end, PcmAudio audio, long firstSample, boolean looping)
            implements Span {
        @Override
        public double value(long frame) {
            long sample = firstSample + frame - start;
            if (looping) {
                sample %= audio.frames();
            }
            return sample < audio.frames() ? audio.sample(sample) : 0;
        }
    }

    /** Where a stretch of the call's time lies in the file: from file frame {@code first} to {@code last}. */
    private record Placement(long first, long last, Duration sinceStart) { }

    public RecordedAudio(RecordedSession session) {
        this.channels = session.channelCount();
        this.frames = frames(session.duration());
        List<Span> all = new ArrayList<>(tones(session));
        all.addAll(prompts(session));
        this.spans = all;
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
        byte[] header = header();
        long firstFrame = Math.max(0, offset - HEADER_BYTES) / 2 / channels;
        long lastFrame = Math.max(0, end - HEADER_BYTES + 1) / 2 / channels + 1;
        List<Span> near = spans.stream().filter(span -> span.start() < lastFrame && span.end() > firstFrame).toList();
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

    private static short sample(List<Span> spans, long frame, int channel) {
        double value = 0;
        for (Span span : spans) {
            if (span.channel() == channel && frame >= span.start() && frame < span.end()) {
                value += span.value(frame);
            }
        }
        return (short) Math.round(Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value)));
    }

    private byte[] header() {
        long dataBytes = frames * channels * 2L;
        int byteRate = SAMPLE_RATE * channels * 2;
        byte[] h = new byte[HEADER_BYTES];
        ascii(h, 0, "RIFF");
        le32(h, 4, 36 + dataBytes);
        ascii(h, 8, "WAVE");
        ascii(h, 12, "fmt ");
        le32(h, 16, 16);
        le16(h, 20, 1);
        le16(h, 22, channels);
        le32(h, 24, SAMPLE_RATE);
        le32(h, 28, byteRate);
        le16(h, 32, channels * 2);
        le16(h, 34, BITS_PER_SAMPLE);
        ascii(h, 36, "data");
        le32(h, 40, dataBytes);
        return h;
    }

    /** Each tone pressed or sent, in its channel. */
    private static List<Span> tones(RecordedSession session) {
        List<Span> spans = new ArrayList<>();
        for (RecordedSession.Tone tone : session.tones()) {
            for (Placement placed : placements(session, tone.at(), tone.end())) {
                spans.add(new ToneSpan(session.channelOf(tone.person()), placed.first(), placed.last(),
                        DtmfFrequencies.low(tone.tone()), DtmfFrequencies.high(tone.tone())));
            }
        }
        return spans;
    }

    /**
     * Each file heard, in its listener's channel, continuing after a pause where the call's time had taken it. A mixed
     * recording takes a prompt heard by several listeners at once (the same samples over the same time) once.
     */
    private static List<Span> prompts(RecordedSession session) {
        List<Span> spans = new ArrayList<>();
        List<RecordedSession.Prompt> mixedOnce = new ArrayList<>();
        for (RecordedSession.Prompt prompt : session.prompts()) {
            if (!session.options().isUnmixed() && mixedOnce.stream().anyMatch(seen -> seen.audio() == prompt.audio()
                    && seen.start().equals(prompt.start()) && seen.end().equals(prompt.end()))) {
                continue;
            }
            mixedOnce.add(prompt);
            for (Placement placed : placements(session, prompt.start(), prompt.end())) {
                spans.add(new PromptSpan(session.channelOf(prompt.listener()), placed.first(), placed.last(),
                        prompt.audio(), frames(placed.sinceStart()), prompt.looping()));
            }
        }
        return spans;
    }

    /**
     * Where the call's time from {@code from} to {@code to} lies in the file: one placement per unpaused segment it
     * overlaps, with how far into the stretch that placement begins; what fell in a pause is lost.
     */
    private static List<Placement> placements(RecordedSession session, Instant from, Instant to) {
        List<Placement> placements = new ArrayList<>(1);
        Duration before = Duration.ZERO;
        for (RecordedSession.Segment segment : session.segments()) {
            Instant start = from.isAfter(segment.start()) ? from : segment.start();
            Instant end = to.isBefore(segment.end()) ? to : segment.end();
            if (start.isBefore(end)) {
                long first = frames(before.plus(Duration.between(segment.start(), start)));
                long last = frames(before.plus(Duration.between(segment.start(), end)));
                placements.add(new Placement(first, last, Duration.between(from, start)));
            }
            before = before.plus(segment.length());
        }
        return placements;
    }

    private static long frames(Duration duration) {
        return duration.toNanos() * SAMPLE_RATE / 1_000_000_000L;
    }

    private static void ascii(byte[] into, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            into[at + i] = (byte) text.charAt(i);
        }
    }

    private static void le16(byte[] into, int at, int value) {
        into[at] = (byte) value;
        into[at + 1] = (byte) (value >> 8);
    }

    private static void le32(byte[] into, int at, long value) {
        for (int i = 0; i < 4; i++) {
            into[at + i] = (byte) (value >> (8 * i));
        }
    }
}
