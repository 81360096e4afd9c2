package dev.acsemulator.call.audio;

import dev.acsemulator.call.Identifier;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A call's times told to it by the test: who joined and when the call ended, each at the clock's time then. */
final class KnownCallTimes implements CallTimes {

    private final Clock clock;
    private final Map<Identifier, Instant> joined = new HashMap<>();
    private Instant ended;

    KnownCallTimes(Clock clock) {
        this.clock = clock;
    }

    void joined(Identifier person) {
        joined.putIfAbsent(person, clock.instant());
    }

    void end() {
        ended = clock.instant();
    }

    @Override
    public Optional<Instant> firstJoined(Identifier person) {
        return Optional.ofNullable(joined.get(person));
    }

    @Override
    public Optional<Instant> ended() {
        return Optional.ofNullable(ended);
    }
}
