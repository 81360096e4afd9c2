package dev.acsemulator.call.media;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where one play request is (call-automation-behaviour.md §2.13, §2.21), each state with the states it may be
 * reached from. Changed only through {@link PlayOperation}'s {@code transitionTo}.
 */
public enum PlayState {
    /** Accepted, waiting behind the plays before it on the call. */
    QUEUED,
    /** Its turn came: its files are being fetched and its texts measured. Nothing has been heard yet. */
    PREPARING,
    /** PlayStarted was sent; its sources are being heard one after another. */
    PLAYING,
    /** Every source was heard to its end: PlayCompleted. */
    COMPLETED,
    /** A source could not be played: PlayFailed with its index. */
    FAILED,
    /** Cancelled by CancelAllMediaOperations or barged by an interrupting play: PlayCanceled. */
    CANCELED,
    /** The call (or the application's leg) ended under it: no event, since nothing is sent after CallDisconnected. */
    ENDED_WITH_CALL;

    public Set<PlayState> legalPredecessors() {
        return switch (this) {
            case QUEUED -> EnumSet.noneOf(PlayState.class);
            case PREPARING -> EnumSet.of(QUEUED);
            case PLAYING -> EnumSet.of(PREPARING);
            case COMPLETED -> EnumSet.of(PLAYING);
            case FAILED -> EnumSet.of(PREPARING, PLAYING);
            case CANCELED, ENDED_WITH_CALL -> EnumSet.of(QUEUED, PREPARING, PLAYING);
        };
    }

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELED || this == ENDED_WITH_CALL;
    }
}
