package dev.acsemulator.call;

import dev.acsemulator.runtime.Lane;

import java.time.Duration;
import java.util.Locale;

/**
 * An identity being rung on behalf of an action (CreateCall target, AddParticipant, TransferToParticipant, or the
 * new target of a RedirectCall). It ends exactly once: answered, failed, or cancelled. Lives on its call's lane.
 */
public final class Invitation {

    /** Where an invitation stands. */
    public enum State {
        /** The target is being rung; it can still answer, reject, be redirected, time out or be cancelled. */
        RINGING,
        ANSWERED,
        FAILED,
        CANCELLED
    }

    private final String invitationId;
    private final Call call;
    private final Identifier from;
    private final String callerDisplayName;
    private final Duration timeout;
    private final CustomHeaders customContext;
    private final InvitationOutcome outcome;
    private final boolean forwardingAllowed;
    private Identifier target;
    /** The identity whose RedirectCall last moved this invitation on; null while nobody redirected it. */
    private Identifier redirectedBy;
    private State state = State.RINGING;
    private Lane.Cancellable pending = Lane.Cancellable.NONE;
    private boolean timedOut;
    /** The target is a person who answers or declines by hand (the {@code manual} behaviour): {@link #waitForHand}. */
    private boolean manual;
    /** What the person's behaviour does after a hand answer (a scheduled hang-up); none once it ran or was dropped. */
    private Runnable afterHandAnswer;

    Invitation(String invitationId, Call call, Identifier target, Identifier from, String callerDisplayName,
               Duration timeout, CustomHeaders customContext, InvitationOutcome outcome, boolean forwardingAllowed) {
        this.forwardingAllowed = forwardingAllowed;
        this.invitationId = invitationId;
        this.call = call;
        this.target = target;
        this.from = from;
        this.callerDisplayName = callerDisplayName;
        this.timeout = timeout;
        this.customContext = customContext;
        this.outcome = outcome;
    }

    /** Schedules the ring timeout: an unanswered invitation fails with the target kind's no-answer code. */
    void startRinging() {
        pending = call.lane().schedule(timeout, () -> {
            if (state == State.RINGING) {
                timedOut = true;
                fail(target.isPhoneNumber() ? ResultInformation.PSTN_NO_ANSWER : ResultInformation.RING_TIMEOUT);
            }
        });
    }

    /** A simulated person picked up. */
    public void answerAsPerson() {
        answer(null);
    }

    /**
     * The target rings until a person answers or declines it by hand ({@link #answerByHand}, {@link #declineByHand}),
     * or until the ring timeout, as an unanswered invitation; {@code afterAnswer} runs after a hand answer.
     */
    public void waitForHand(Runnable afterAnswer) {
        requireRinging();
        manual = true;
        afterHandAnswer = afterAnswer;
        call.journal().record("invitation", invitationId, target, " waits for a person to answer by hand");
    }

    /** Whether the current target is a person who answers by hand (it stays so after they acted, until a retarget). */
    public boolean isManual() {
        return manual;
    }

    /** The person answered by hand: exactly what an automatic answer does. */
    void answerByHand() {
        requireAwaitingHand();
        Runnable after = afterHandAnswer;
        afterHandAnswer = null;
        call.journal().record("person", target.rawId(), "answered by hand");
        answer(null);
        after.run();
    }

    /** The person declined by hand: exactly what the {@code decline} behaviour does (603). */
    void declineByHand() {
        requireAwaitingHand();
        afterHandAnswer = null;
        call.journal().record("person", target.rawId(), "declined by hand");
        fail(ResultInformation.DECLINED);
    }

    private void requireAwaitingHand() {
        if (!manual || state != State.RINGING) {
            throw new CallActionException(CallError.INVITATION_NOT_AWAITING_PERSON, "Invitation " + invitationId
                    + " is " + state.name().toLowerCase(Locale.ROOT)
                    + (manual ? "" : " and its target " + target.rawId() + " does not answer by hand") + ".");
        }
    }

    /** The target declined, was busy or unreachable: the action fails with this result. */
    public void decline(ResultInformation reason) {
        fail(reason);
    }

    void answer(CallConnection answeringConnection) {
        requireRinging();
        state = State.ANSWERED;
        stopRinging();
        call.journal().record("invitation", invitationId, target, " answered");
        outcome.answered(this, answeringConnection);
    }

    void fail(ResultInformation reason) {
        requireRinging();
        state = State.FAILED;
        stopRinging();
        call.journal().record("invitation", invitationId, target, " failed ", reason.code(), "/", reason.subCode());
        outcome.failed(this, reason);
    }

    /** Stops ringing without telling the action (CancelAddParticipant, or the call ended). */
    void cancel() {
        requireRinging();
        state = State.CANCELLED;
        stopRinging();
        call.journal().record("invitation", invitationId, target, " cancelled");
    }

    /**
     * RedirectCall: the same invitation now rings another identity, which is told the call is from the identity that
     * redirected it ({@link #presentedFrom()}, openapi/DEVIATIONS.md 60).
     */
    public void redirect(Identifier newTarget) {
        Identifier redirector = target;
        retarget(newTarget);
        redirectedBy = redirector;
    }

    /** A callee's forwarding, or the last step of a RedirectCall: the same invitation now rings another identity. */
    public void retarget(Identifier newTarget) {
        requireRinging();
        call.journal().record("invitation", invitationId, target, " redirected to ", newTarget);
        target = newTarget;
        manual = false;
        afterHandAnswer = null;
    }

    /** Calls off the ring timeout and lets go of its task, which the call would otherwise hold while remembered. */
    private void stopRinging() {
        pending.cancel();
        pending = Lane.Cancellable.NONE;
    }

    private void requireRinging() {
        if (state != State.RINGING) {
            throw new IllegalStateException("Invitation " + invitationId + " is " + state);
        }
    }

    /** Whether the target's forwarding and unanswered settings apply (not for disableForwardingAndUnanswered). */
    public boolean forwardingAllowed() {
        return forwardingAllowed;
    }

    /** The operation that sent this invitation (CreateCall, CallConnection_AddParticipant, ...). */
    public String operationId() {
        return outcome.operationId();
    }

    /** The application connection whose request sent this invitation; null for inbound calls and people's transfers. */
    public String requestedBy() {
        return outcome.requestedBy();
    }

    public String invitationId() {
        return invitationId;
    }

    public Call call() {
        return call;
    }

    public Identifier target() {
        return target;
    }

    public Identifier from() {
        return from;
    }

    public String callerDisplayName() {
        return callerDisplayName;
    }

    /**
     * Who the ringing target is told the call is from (an IncomingCall's {@code from}, an answered connection's
     * {@code source}): the caller, or after a RedirectCall the identity that redirected it (openapi/DEVIATIONS.md 60).
     */
    public Identifier presentedFrom() {
        return redirectedBy == null ? from : redirectedBy;
    }

    /** The display name that goes with {@link #presentedFrom()}: none for the identity that redirected the call. */
    public String presentedDisplayName() {
        return redirectedBy == null ? callerDisplayName : null;
    }

    /** The {@code customCallingContext} of the request that sent this invitation ({@link CustomHeaders#NONE}: none). */
    public CustomHeaders customContext() {
        return customContext;
    }

    public State state() {
        return state;
    }

    public boolean isRinging() {
        return state == State.RINGING;
    }

    public boolean timedOut() {
        return timedOut;
    }
}
