package dev.acsemulator.call.media;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where the hold audio of one held participant is (call-automation-behaviour.md §2.12), each state with the states
 * it may be reached from. Changed only through {@link ParticipantHold}'s {@code transitionTo}.
 */
public enum HoldAudioState {
    /** Held in silence: the Hold had no {@code playSourceInfo}. */
    SILENT,
    /** The hold audio is being fetched or measured; nothing is heard yet. */
    PREPARING,
    /** HoldAudioStarted was sent; the audio loops for as long as the hold lasts. */
    PLAYING,
    /** A play with {@code interruptHoldAudio} to the participant paused it: HoldAudioPaused. */
    PAUSED,
    /**
     * The source could not be played, or a fault rule failed the hold (also one without audio): HoldFailed; the
     * participant stays on hold in silence.
     */
    FAILED,
    /** Unhold ended it: HoldAudioCompleted (400/8508) if it had started. */
    COMPLETED,
    /** The call ended, or the participant left, under it: no event. */
    ENDED;

    public Set<HoldAudioState> legalPredecessors() {
        return switch (this) {
            case SILENT, PREPARING -> EnumSet.noneOf(HoldAudioState.class);
            case PLAYING -> EnumSet.of(PREPARING, PAUSED);
            case PAUSED -> EnumSet.of(PLAYING);
            case FAILED -> EnumSet.of(SILENT, PREPARING);
            case COMPLETED, ENDED -> EnumSet.of(SILENT, PREPARING, PLAYING, PAUSED, FAILED);
        };
    }

    public boolean isFinal() {
        return this == COMPLETED || this == ENDED;
    }
}
