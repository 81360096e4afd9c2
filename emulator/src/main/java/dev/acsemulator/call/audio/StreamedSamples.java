package dev.acsemulator.call.audio;

import java.util.ArrayList;
import java.util.List;

/**
 * Audio an application streams into the call, played out at its own rate from when its first chunk arrived: chunks
 * that arrive while earlier ones still play queue behind them, as the service plays a stream's audio in order. The
 * oldest chunks can be let go ({@link #forgetBefore}) once nothing will render them again; what was let go reads as
 * silence.
 */
public final class StreamedSamples implements Signal {

    private final AudioRate rate;
    private final List<short[]> chunks = new ArrayList<>();
    /** The index of the first sample of each chunk, in the stream's samples from its start. */
    private final List<Long> firstOf = new ArrayList<>();
    private long length;

    StreamedSamples(AudioRate rate) {
        this.rate = rate;
    }

    /**
     * What it holds now, to keep: the same chunks (never changed once received), unaffected by what is appended or
     * let go here later.
     */
    StreamedSamples snapshot() {
        StreamedSamples copy = new StreamedSamples(rate);
        copy.chunks.addAll(chunks);
        copy.firstOf.addAll(firstOf);
        copy.length = length;
        return copy;
    }

    public AudioRate rate() {
        return rate;
    }

    /** How many samples it holds, the ones let go included. */
    public long length() {
        return length;
    }

    void append(short[] samples) {
        if (samples.length == 0) {
            return;
        }
        chunks.add(samples);
        firstOf.add(length);
        length += samples.length;
    }

    /** Lets go of every chunk that ends before sample {@code index}. */
    void forgetBefore(long index) {
        while (!chunks.isEmpty() && firstOf.get(0) + chunks.get(0).length <= index) {
            chunks.remove(0);
            firstOf.remove(0);
        }
    }

    @Override
    public double value(long index, int hertz) {
        return Resampling.at(index, hertz, rate.hertz(), length, this::sample);
    }

    private long sample(long index) {
        if (chunks.isEmpty() || index < firstOf.get(0)) {
            return 0;
        }
        int low = 0;
        int high = chunks.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (firstOf.get(middle) <= index) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        short[] chunk = chunks.get(low);
        long at = index - firstOf.get(low);
        return at < chunk.length ? chunk[(int) at] : 0;
    }
}
