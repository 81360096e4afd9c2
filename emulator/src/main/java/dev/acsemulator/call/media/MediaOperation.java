package dev.acsemulator.call.media;

import dev.acsemulator.call.CallConnection;

/**
 * A media operation that takes its turn on a call (call-automation-behaviour.md §2.21): plays and recognizes queue
 * behind each other, one at a time, and end with their own events. {@link CallMedia} starts, cancels and ends them;
 * each runs on the call's lane.
 */
public sealed interface MediaOperation permits PlayOperation, RecognizeOperation {

    /** {@code play} or {@code recognize}, as the control API shows it. */
    String kind();

    /** Where it stands, lower case, as the control API shows it. */
    String stateName();

    String operationContext();

    CallConnection connection();

    /**
     * Whether it runs on a sub-leg (a play to specific participants, a recognize in a group call), where a second
     * sub-leg operation is refused with 412/8583 (§2.21's compatibility table).
     */
    boolean onSubLeg();

    /** Its turn came. */
    void start();

    /** CancelAllMediaOperations or a barge-in: its Canceled event, whatever it was doing. */
    void cancel();

    /** The call or the application's leg ended: it stops without an event. */
    void endWithCall();
}
