package dev.acsemulator.call;

import java.util.concurrent.CompletableFuture;

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
        Call call = call(serverCallId);
        return CallContext.onLane(call, () -> {
            invitation(call, invitationId).answerByHand();
            return null;
        });
    }

    /** Declines the invitation (603); refused unless it is ringing a person who answers by hand. */
    public CompletableFuture<Void> decline(String serverCallId, String invitationId) {
        Call call = call(serverCallId);
        return CallContext.onLane(call, () -> {
            invitation(call, invitationId).declineByHand();
            return null;
        });
    }

    private static Invitation invitation(Call call, String invitationId) {
        return call.invitation(invitationId).orElseThrow(() -> new CallActionException(CallError.INVITATION_NOT_FOUND,
                "Call " + call.serverCallId() + " has no invitation " + invitationId + "."));
    }

    private Call call(String serverCallId) {
        return registry.call(serverCallId).orElseThrow(() -> new CallActionException(
                CallError.CALL_CONNECTION_NOT_FOUND, "Call " + serverCallId + " not found."));
    }
}
