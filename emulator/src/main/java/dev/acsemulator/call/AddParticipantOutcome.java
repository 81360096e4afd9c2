package dev.acsemulator.call;

import dev.acsemulator.call.event.CallEvent;

/**
 * call-automation-behaviour.md §2.8: an added participant answered (AddParticipantSucceeded, then ParticipantsUpdated
 * with the new roster) or did not (AddParticipantFailed with the reason). Events go to the adding connection's
 * operation callback.
 */
final class AddParticipantOutcome implements InvitationOutcome {

    private final CallConnection adder;
    private final String operationContext;
    private final String operationCallbackUri;

    AddParticipantOutcome(CallConnection adder, String operationContext, String operationCallbackUri) {
        this.adder = adder;
        this.operationContext = operationContext;
        this.operationCallbackUri = operationCallbackUri;
    }

    @Override
    public String operationId() {
        return "CallConnection_AddParticipant";
    }

    @Override
    public String requestedBy() {
        return adder.callConnectionId();
    }

    @Override
    public void answered(Invitation invitation, CallConnection answeringConnection) {
        Call call = invitation.call();
        if (!call.admit(invitation, answeringConnection)) {
            return;
        }
        call.becomeGroup();
        if (adder.isActive()) {
            call.emit(new CallEvent.AddParticipantSucceeded(
                    call.header(adder, operationContext, operationCallbackUri, ResultInformation.OK),
                    invitation.target(), invitation.invitationId()));
        }
        if (answeringConnection != null) {
            RosterPolicy.applicationLegJoined(call, answeringConnection);
        } else {
            call.publishRoster();
        }
    }

    @Override
    public void failed(Invitation invitation, ResultInformation reason) {
        Call call = invitation.call();
        if (adder.isActive()) {
            call.emit(new CallEvent.AddParticipantFailed(
                    call.header(adder, operationContext, operationCallbackUri, reason),
                    invitation.target(), invitation.invitationId()));
        }
    }
}
