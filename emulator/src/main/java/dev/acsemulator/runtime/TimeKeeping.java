package dev.acsemulator.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The emulator's two clocks and its lanes. The real clock serves what the outside world checks against real time
 * (HMAC dates, callback JWT lifetimes, TLS). The domain clock stamps calls, journals and events: real time, or
 * virtual time that moves only when the virtual-time lane moves it.
 */
public final class TimeKeeping implements AutoCloseable {

    private final Clock realClock;
    private final Clock domainClock;
    private final LaneSource lanes;
    private final VirtualTimeLanes virtual;

    private TimeKeeping(Clock realClock, Clock domainClock, LaneSource lanes, VirtualTimeLanes virtual) {
        this.realClock = realClock;
        this.domainClock = domainClock;
        this.lanes = lanes;
        this.virtual = virtual;
    }

    /** Real time, every call's lane one of {@code laneExecutors} (serial executors that someone else owns). */
    public static TimeKeeping real(List<? extends ScheduledExecutorService> laneExecutors) {
        Clock clock = Clock.systemUTC();
        return new TimeKeeping(clock, clock, new Lanes(laneExecutors), null);
    }

    public static TimeKeeping virtual(Instant epoch, VirtualTimeLanes.Mode mode, Duration idleGrace,
                                      Activity activity) {
        VirtualClock clock = new VirtualClock(epoch);
        VirtualTimeLanes lanes = new VirtualTimeLanes(clock, mode, activity::busy, idleGrace);
        return new TimeKeeping(Clock.systemUTC(), clock, lanes, lanes);
    }

    public Clock realClock() {
        return realClock;
    }

    public Clock domainClock() {
        return domainClock;
    }

    public LaneSource lanes() {
        return lanes;
    }

    /** The virtual-time lane, when time is virtual. */
    public Optional<VirtualTimeLanes> virtual() {
        return Optional.ofNullable(virtual);
    }

    @Override
    public void close() {
        lanes.close();
    }
}
