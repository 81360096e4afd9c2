package dev.acsemulator.call;

import dev.acsemulator.call.event.CallEvent;

/**
 * A CreateCall target answered or failed (call-automation-behaviour.md §2.1, §2.2). The first answer connects the
 * caller's connection (CallConnected then ParticipantsUpdated); when every target of a call that never connected has
 * failed, the caller gets CreateCallFailed together with CallDisconnected, both with the failure's result.
 */
final class CreateCallOutcome implements InvitationOutcome {

    private final CallConnection caller;

    CreateCallOutcome(CallConnection caller) {
        this.caller = caller;
    }

    @Override
    public String operationId() {
        return "CreateCall";
    }

    @Override
    public String requestedBy() {
        return caller.callConnectionId();
    }

    @Override
    public void answered(Invitation invitation, CallConnection answeringConnection) {
        Call call = invitation.call();
        if (!caller.isActive()) {
            call.end(connection -> ResultInformation.CONVERSATION_ENDED, null);
        }
        if (!call.admit(invitation, answeringConnection)) {
            return;
        }
        if (caller.state() == CallConnectionState.CONNECTING) {
            call.connect(caller);
        }
        call.publishRoster();
    }

    @Override
    public void failed(Invitation invitation, ResultInformation reason) {
        Call call = invitation.call();
        if (caller.state() != CallConnectionState.CONNECTING || stillRinging(call)) {
            return;
        }
        call.emit(new CallEvent.CreateCallFailed(call.header(caller, caller.operationContext(), reason)));
        call.end(connection -> reason, caller.operationContext());
    }

    private static boolean stillRinging(Call call) {
        return call.invitationsRinging() > 0;
    }
}
