package dev.acsemulator.call.audio;

import dev.acsemulator.call.Identifier;

import java.time.Instant;
import java.util.Optional;

/**
 * When the people of a call first joined it and when it ended. The timeline reads them from the call, which keeps
 * them anyway, instead of keeping a copy: so a timeline made late (by the call's first sound or reader) still knows
 * them, and a call that never has one keeps nothing for it.
 */
public interface CallTimes {

    /** When {@code person} first joined the call; empty if they never did. */
    Optional<Instant> firstJoined(Identifier person);

    /** When the call ended; empty while it goes on. */
    Optional<Instant> ended();
}
