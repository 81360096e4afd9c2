package dev.acsemulator.activity;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Whether the calls' activity is recorded, so that an emulator no one watches pays nothing for its dashboard. By
 * default nothing is recorded until someone first looks (the dashboard's page or one of its files, the live feed, a
 * call's activity, export or diagram, through HTTP or the {@code ControlClient}); from then on everything is, for the
 * rest of the emulator's life. With {@code --activity=always} it records from the start. Every tap on the REST edge,
 * the event sink and the journals asks {@link #isOn()} first: while it waits, that one volatile read is all they do.
 */
public final class ActivityRecording {

    /** The states of the recording; it only ever moves forward, once. */
    public enum State {
        /** Nothing is recorded: no one has looked at the dashboard or at a call's activity yet. */
        WAITING_FOR_FIRST_LOOK,
        /** Every call's activity is recorded, from the first look (or the start) until the emulator stops. */
        RECORDING;

        /** The states this one may be entered from. */
        Set<State> legalPredecessors() {
            return switch (this) {
                case WAITING_FOR_FIRST_LOOK -> EnumSet.noneOf(State.class);
                case RECORDING -> EnumSet.of(WAITING_FOR_FIRST_LOOK);
            };
        }
    }

    private final Clock clock;
    private final CopyOnWriteArrayList<Consumer<Instant>> whenStarted = new CopyOnWriteArrayList<>();
    /** What the taps read: true once recording began. */
    private volatile boolean on;
    /** True once recording began and those told of it are done, so a look that sees it can read at once. */
    private volatile boolean begun;
    private State state;
    /** When recording began on the emulator's clock; null when it recorded from the start. */
    private Instant since;

    private ActivityRecording(Clock clock, State state) {
        this.clock = clock;
        this.state = state;
        this.on = state == State.RECORDING;
        this.begun = on;
    }

    /** Records every call from the emulator's start ({@code --activity=always}). */
    public static ActivityRecording fromStart(Clock clock) {
        return new ActivityRecording(clock, State.RECORDING);
    }

    /** Records nothing until {@link #looked()} ({@code --activity=on-first-look}, the default). */
    public static ActivityRecording onFirstLook(Clock clock) {
        return new ActivityRecording(clock, State.WAITING_FOR_FIRST_LOOK);
    }

    /** Whether activity is recorded now: the one question every tap asks first. */
    public boolean isOn() {
        return on;
    }

    /** Someone looked at the dashboard or at a call's activity: recording begins now if it had not yet. */
    public void looked() {
        if (!begun) {
            begin();
        }
    }

    public synchronized State state() {
        return state;
    }

    /** When recording began on the emulator's clock, or null when it recorded from the start or waits still. */
    public synchronized Instant since() {
        return since;
    }

    /**
     * Tells {@code listener} the moment recording begins, on the thread of the first look and before that look (or
     * any other) reads anything; never when it records from the start.
     */
    void whenStarted(Consumer<Instant> listener) {
        whenStarted.add(listener);
    }

    private synchronized void begin() {
        if (begun) {
            return;
        }
        transitionTo(State.RECORDING);
        since = clock.instant();
        on = true;
        for (Consumer<Instant> listener : whenStarted) {
            listener.accept(since);
        }
        begun = true;
    }

    private void transitionTo(State target) {
        if (!target.legalPredecessors().contains(state)) {
            throw new IllegalStateException("Activity recording cannot go from " + state + " to " + target);
        }
        state = target;
    }
}
