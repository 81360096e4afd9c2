package dev.acsemulator.call.media;

import dev.acsemulator.call.Call;

import java.util.Locale;
import java.util.Set;

/** The one way a media operation's state moves: checked against the target's legal predecessors, then journaled. */
final class MediaTransitions {

    private MediaTransitions() {
    }

    /**
     * Returns {@code target} once the move from {@code current} is legal and recorded in the call's journal as
     * "{@code operation} current -> target (cause)" under {@code callConnectionId}.
     *
     * @throws IllegalStateException when {@code legalPredecessors} (the target's) does not hold {@code current}
     */
    static <S extends Enum<S>> S move(Call call, String callConnectionId, String operation, S current, S target,
                                      Set<S> legalPredecessors, String cause) {
        if (!legalPredecessors.contains(current)) {
            throw new IllegalStateException(operation + " on " + callConnectionId + " cannot go from " + current
                    + " to " + target + " (" + cause + ")");
        }
        call.journal().record("media", callConnectionId, operation + " " + current.name().toLowerCase(Locale.ROOT)
                + " -> " + target.name().toLowerCase(Locale.ROOT) + " (" + cause + ")");
        return target;
    }
}
