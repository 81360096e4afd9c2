package dev.acsemulator.call.media;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where one recognize request is (call-automation-behaviour.md §2.14, §2.21), each state with the states it may be
 * reached from. Changed only through {@link RecognizeOperation}'s {@code transitionTo}.
 */
public enum RecognizeState {
    /** Accepted, waiting behind the media operations before it on the call. */
    QUEUED,
    /** Its turn came: its prompts are being fetched and measured; the target is listened to already. */
    PREPARING,
    /** A prompt is being heard by the target; input interrupts it only with {@code interruptPrompt}. */
    PROMPTING,
    /** The prompts are over (or there were none): waiting for input, then collecting it, on its timers. */
    LISTENING,
    /** Input was recognized: RecognizeCompleted. */
    COMPLETED,
    /** Initial silence, no matching choice, or a prompt that could not play: RecognizeFailed. */
    FAILED,
    /** Cancelled by CancelAllMediaOperations or barged by an interrupting operation: RecognizeCanceled. */
    CANCELED,
    /** The call (or the application's leg) ended under it: no event, as nothing is sent after CallDisconnected. */
    ENDED_WITH_CALL;

    public Set<RecognizeState> legalPredecessors() {
        return switch (this) {
            case QUEUED -> EnumSet.noneOf(RecognizeState.class);
            case PREPARING -> EnumSet.of(QUEUED);
            case PROMPTING -> EnumSet.of(PREPARING);
            case LISTENING -> EnumSet.of(PREPARING, PROMPTING);
            case COMPLETED -> EnumSet.of(LISTENING);
            case FAILED -> EnumSet.of(PREPARING, PROMPTING, LISTENING);
            case CANCELED, ENDED_WITH_CALL -> EnumSet.of(QUEUED, PREPARING, PROMPTING, LISTENING);
        };
    }

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELED || this == ENDED_WITH_CALL;
    }
}
