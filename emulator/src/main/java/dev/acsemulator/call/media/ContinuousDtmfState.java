package dev.acsemulator.call.media;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where one continuous DTMF recognition is (call-automation-behaviour.md §2.15), each state with the states it may be
 * reached from. Changed only through {@link ContinuousDtmfRecognition}'s {@code transitionTo}.
 */
public enum ContinuousDtmfState {
    /** Started: every key its target presses is a ContinuousDtmfRecognitionToneReceived. */
    LISTENING,
    /** Stopped by StopContinuousDtmfRecognition, or by the call ending: ContinuousDtmfRecognitionStopped was sent. */
    STOPPED,
    /** The application's leg ended under it: nothing is sent after CallDisconnected. */
    ENDED_WITH_CONNECTION;

    public Set<ContinuousDtmfState> legalPredecessors() {
        return switch (this) {
            case LISTENING -> EnumSet.noneOf(ContinuousDtmfState.class);
            case STOPPED, ENDED_WITH_CONNECTION -> EnumSet.of(LISTENING);
        };
    }
}
