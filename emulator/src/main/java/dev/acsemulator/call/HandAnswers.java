package dev.acsemulator.call;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A person whose behaviour is {@code manual} answers or declines a ringing invitation by hand (the control API, a
 * phone in the browser). The outcome is exactly the automatic one: an answer gives the events an answer gives, a
 * decline those of the {@code decline} behaviour (603). Each runs on the call's lane.
 */
public final class HandAnswers {

    private final CallRegistry registry;

    public HandAnswers(CallRegistry registry) {
        this.registry = registry;
    }

    /** Answers the invitation; refused unless it is ringing a person who answers by hand. */
    public CompletableFuture<Void> answer(String serverCallId, String invitationId) {
        return onInvitation(serverCallId, invitationId, Invitation::answerByHand);
    }

    /** Declines the invitation (603); refused unless it is ringing a person who answers by hand. */
    public CompletableFuture<Void> decline(String serverCallId, String invitationId) {
        return onInvitation(serverCallId, invitationId, Invitation::declineByHand);
    }

    /** Runs {@code action} on the call's lane; completes exceptionally when the call or the invitation is unknown. */
    private CompletableFuture<Void> onInvitation(String serverCallId, String invitationId,
                                                 Consumer<Invitation> action) {
        return registry.call(serverCallId).map(call -> CallContext.<Void>onLane(call, () -> {
            action.accept(call.invitation(invitationId).orElseThrow(() -> new CallActionException(
                    CallError.INVITATION_NOT_FOUND, "Call " + serverCallId + " has no invitation " + invitationId
                    + ".")));
            return null;
        })).orElseGet(() -> CompletableFuture.failedFuture(new CallActionException(
                CallError.CALL_CONNECTION_NOT_FOUND, "Call " + serverCallId + " not found.")));
    }
}
