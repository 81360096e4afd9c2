package dev.acsemulator.world;

import dev.acsemulator.call.Identifier;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a simulated person responds when rung, and what they do after answering.
 *
 * @param response      what they do when the phone rings
 * @param answerAfter   how long they let it ring before answering ({@link Response#ANSWER})
 * @param hangUpAfter   if set, they hang up this long after answering
 * @param forwardAfter  if set, an unanswered call is forwarded after this long ("forwarding and unanswered settings")
 * @param forwardTo     where an unanswered call is forwarded; null with {@code forwardAfter} set means voicemail
 * @param answers       what they do at each recognize that listens to them in a call, in order; after the last one
 *                      they stay silent, or start again from the first with {@code repeatAnswers}
 */
public record Behaviour(Response response, Duration answerAfter, Duration hangUpAfter, Duration forwardAfter,
                        Identifier forwardTo, List<ScriptedAnswer> answers, boolean repeatAnswers) {

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
        UNREACHABLE,
        /**
         * Rings until a person answers or declines it by hand through the control API; left alone, it times out (or
         * is forwarded) as {@link #NO_ANSWER} does.
         */
        MANUAL
    }

    public Behaviour {
        Objects.requireNonNull(response, "response");
        answerAfter = answerAfter == null ? Duration.ZERO : answerAfter;
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    /** A behaviour without scripted answers: the person is silent at every recognize. */
    public Behaviour(Response response, Duration answerAfter, Duration hangUpAfter, Duration forwardAfter,
                     Identifier forwardTo) {
        this(response, answerAfter, hangUpAfter, forwardAfter, forwardTo, List.of(), false);
    }

    /** The same behaviour answering recognizes with {@code script}. */
    public Behaviour answering(List<ScriptedAnswer> script, boolean repeat) {
        return new Behaviour(response, answerAfter, hangUpAfter, forwardAfter, forwardTo, script, repeat);
    }

    /** Their answer to the {@code ordinal}-th recognize (from 1) that listens to them in a call, if they have one. */
    public Optional<ScriptedAnswer> answerTo(int ordinal) {
        if (answers.isEmpty() || (ordinal > answers.size() && !repeatAnswers)) {
            return Optional.empty();
        }
        return Optional.of(answers.get((ordinal - 1) % answers.size()));
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
