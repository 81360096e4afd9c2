package dev.acsemulator.call.recording;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The WAV file of a recording: 16 kHz 16-bit PCM, one channel or one per participant, as long as the recording's
 * unpaused segments, silent except for the key presses it heard, each a DTMF tone pair in the presser's channel at
 * its place in the recording. Bytes are made on demand for the range asked, so a long recording costs no memory
 * until it is downloaded, and a {@code Range} request costs only its range.
 */
public final class RecordedAudio {

    public static final int SAMPLE_RATE = 16_000;
    public static final int BITS_PER_SAMPLE = 16;
    private static final int HEADER_BYTES = 44;
    /** Each frequency at a quarter of full scale, so the pair peaks at half and never clips. */
    private static final double AMPLITUDE = 0.25 * Short.MAX_VALUE;

    private final int channels;
    private final long frames;
    private final List<Burst> bursts;

    /** A tone pair sounding on one channel from frame {@code start} (inclusive) to {@code end} (exclusive). */
    private record Burst(int channel, long start, long end, int low, int high) { }

    public RecordedAudio(RecordedSession session) {
        this.channels = session.channelCount();
        this.frames = frames(session.duration());
        this.bursts = bursts(session);
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
        for (long at = offset; at < end; at++) {
            out[(int) (at - offset)] = at < HEADER_BYTES ? header[(int) at] : sampleByte(at - HEADER_BYTES);
        }
        return out;
    }

    private byte sampleByte(long dataOffset) {
        long sampleIndex = dataOffset / 2;
        long frame = sampleIndex / channels;
        int channel = (int) (sampleIndex % channels);
        short sample = sample(frame, channel);
        return dataOffset % 2 == 0 ? (byte) (sample & 0xff) : (byte) ((sample >> 8) & 0xff);
    }

    private short sample(long frame, int channel) {
        double value = 0;
        for (Burst burst : bursts) {
            if (burst.channel == channel && frame >= burst.start && frame < burst.end) {
                double t = (double) (frame - burst.start) / SAMPLE_RATE;
                value += AMPLITUDE * (Math.sin(2 * Math.PI * burst.low * t) + Math.sin(2 * Math.PI * burst.high * t));
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

    /** Each key of each press, placed at its offset within the unpaused recording; what fell in a pause is lost. */
    private static List<Burst> bursts(RecordedSession session) {
        List<Burst> bursts = new ArrayList<>();
        for (RecordedSession.Tone tone : session.tones()) {
            java.time.Instant from = tone.at();
            java.time.Instant to = from.plus(RecordedSession.TONE_LENGTH);
            Duration before = Duration.ZERO;
            for (RecordedSession.Segment segment : session.segments()) {
                java.time.Instant start = from.isAfter(segment.start()) ? from : segment.start();
                java.time.Instant end = to.isBefore(segment.end()) ? to : segment.end();
                if (start.isBefore(end)) {
                    long first = frames(before.plus(Duration.between(segment.start(), start)));
                    long last = frames(before.plus(Duration.between(segment.start(), end)));
                    bursts.add(new Burst(session.channelOf(tone.person()), first, last,
                            DtmfFrequencies.low(tone.tone()), DtmfFrequencies.high(tone.tone())));
                }
                before = before.plus(segment.length());
            }
        }
        return bursts;
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
