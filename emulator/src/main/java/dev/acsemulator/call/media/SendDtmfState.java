package dev.acsemulator.call.media;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where one SendDtmfTones request is (call-automation-behaviour.md §2.16), each state with the states it may be
 * reached from. Changed only through {@link SendDtmfTonesOperation}'s {@code transitionTo}.
 */
public enum SendDtmfState {
    /** Accepted: its tones are being played to the target, one after another. */
    SENDING,
    /** Every tone was sent: SendDtmfTonesCompleted. */
    COMPLETED,
    /** The target left the call before the last tone: SendDtmfTonesFailed. */
    FAILED,
    /** The call (or the application's leg) ended under it: no event, nothing is sent after CallDisconnected. */
    ENDED_WITH_CALL;

    public Set<SendDtmfState> legalPredecessors() {
        return switch (this) {
            case SENDING -> EnumSet.noneOf(SendDtmfState.class);
            case COMPLETED, FAILED, ENDED_WITH_CALL -> EnumSet.of(SENDING);
        };
    }

    public boolean isFinal() {
        return this != SENDING;
    }
}
