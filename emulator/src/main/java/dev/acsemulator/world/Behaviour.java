package dev.acsemulator.world;

import dev.acsemulator.call.Identifier;

import java.time.Duration;
import java.util.Objects;

/**
 * How a simulated person responds when rung, and what they do after answering.
 *
 * @param response      what they do when the phone rings
 * @param answerAfter   how long they let it ring before answering ({@link Response#ANSWER})
 * @param hangUpAfter   if set, they hang up this long after answering
 * @param forwardAfter  if set, an unanswered call is forwarded after this long ("forwarding and unanswered settings")
 * @param forwardTo     where an unanswered call is forwarded; null with {@code forwardAfter} set means voicemail
 */
public record Behaviour(Response response, Duration answerAfter, Duration hangUpAfter, Duration forwardAfter,
                        Identifier forwardTo) {

    /** What a simulated person does when rung. */
    public enum Response {
        /** Picks up after {@code answerAfter}. */
        ANSWER,
        /** Lets it ring: the invitation times out (487/10004 VoIP, 480/560480 phone), unless forwarded. */
        NO_ANSWER,
        /** Busy at once (486). */
        BUSY,
        /** Declines at once (603). */
        DECLINE,
        /** Cannot be reached: offline, not registered (480). */
        UNREACHABLE
    }

    public Behaviour {
        Objects.requireNonNull(response, "response");
        answerAfter = answerAfter == null ? Duration.ZERO : answerAfter;
    }

    public static Behaviour answering(Duration after) {
        return new Behaviour(Response.ANSWER, after, null, null, null);
    }

    public static Behaviour of(Response response) {
        return new Behaviour(response, Duration.ZERO, null, null, null);
    }

    public boolean forwardsToVoicemail() {
        return forwardAfter != null && forwardTo == null;
    }
}
