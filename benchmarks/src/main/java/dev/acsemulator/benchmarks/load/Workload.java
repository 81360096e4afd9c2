package dev.acsemulator.benchmarks.load;

import org.HdrHistogram.Histogram;

/**
 * What one unit of offered load is (one request, or one whole call) and what was seen of it. Every method runs on
 * the load generator's event loop.
 */
abstract class Workload {

    /** REST latency, nanoseconds from each request's intended send time to its response. */
    final Histogram rest = new Histogram(60_000_000_000L, 3);
    /** Action-to-event latency at the webhook, nanoseconds from the action's intended send time. */
    final Histogram events = new Histogram(60_000_000_000L, 3);
    long started;
    long completed;
    long errors;
    long eventsExpected;
    long eventsDelivered;
    long eventsWithoutBearer;
    long lastCompletionNanos;
    String firstError;

    /** Records a latency, clamped to what the histograms hold (a minute). */
    static void record(Histogram histogram, long nanos) {
        histogram.recordValue(Math.min(Math.max(0, nanos), histogram.getHighestTrackableValue()));
    }

    /** Starts unit {@code index}, meant to begin at {@code intendedNanos}. */
    abstract void start(long index, long intendedNanos);

    /**
     * How long each unit takes by design rather than by queueing (a call's media: the play's length, the second
     * before the person presses a key), which the achieved rate leaves out of its elapsed time: otherwise a step of
     * a few seconds whose units last a second reads as unsustained at any load. Zero unless a workload knows better.
     */
    long inherentNanos() {
        return 0;
    }

    boolean finished() {
        return completed + errors >= started;
    }

    void completedOne(long nowNanos) {
        completed++;
        lastCompletionNanos = Math.max(lastCompletionNanos, nowNanos);
    }

    void error(String description, long nowNanos) {
        errors++;
        lastCompletionNanos = Math.max(lastCompletionNanos, nowNanos);
        if (firstError == null) {
            firstError = description;
        }
    }
}
