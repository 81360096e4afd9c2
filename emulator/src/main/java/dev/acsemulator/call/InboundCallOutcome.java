package dev.acsemulator.call;

/**
 * A simulated caller's call to an application-owned identity: answered, the application's connection joins and gets
 * CallConnected then ParticipantsUpdated; unanswered or rejected, the caller gives up and the call ends.
 */
final class InboundCallOutcome implements InvitationOutcome {

    @Override
    public String operationId() {
        return "InboundCall";
    }

    @Override
    public void answered(Invitation invitation, CallConnection answeringConnection) {
        Call call = invitation.call();
        if (call.admit(invitation, answeringConnection)) {
            call.publishRoster();
        }
    }

    @Override
    public void failed(Invitation invitation, ResultInformation reason) {
        invitation.call().end(connection -> reason, null);
    }
}
