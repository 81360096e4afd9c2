package dev.acsemulator.call;

/**
 * A client-side transfer's invitation to its target (call-automation-behaviour.md §8): answered, the transferee and the
 * target are in a new call and both the transferee and the transferor leave the original call, whose application
 * connections see ParticipantsUpdated (or CallDisconnected 5001 when left alone); unanswered or refused, the transfer
 * fails with the target's result and the original call is untouched. The application gets no
 * CallTransferAccepted/Failed: those answer only its own TransferToParticipant.
 */
final class ClientTransferOutcome implements InvitationOutcome {

    private final ClientTransfer transfer;
    private final Call original;

    ClientTransferOutcome(ClientTransfer transfer, Call original) {
        this.transfer = transfer;
        this.original = original;
    }

    @Override
    public String operationId() {
        return "ClientTransfer";
    }

    @Override
    public void answered(Invitation invitation, CallConnection answeringConnection) {
        Call newCall = invitation.call();
        newCall.join(transfer.transferee(), null);
        if (newCall.admit(invitation, answeringConnection)) {
            newCall.publishRoster();
            newCall.endIfNoApplication();
        }
        transfer.transferred();
        original.lane().execute(() -> ClientTransferService.leaveAfterTransfer(original, transfer));
    }

    @Override
    public void failed(Invitation invitation, ResultInformation reason) {
        transfer.failed(reason);
        invitation.call().end(connection -> reason, null);
        original.journal().record("transfer", transfer.id(), "failed " + reason.code() + "/" + reason.subCode());
    }
}
