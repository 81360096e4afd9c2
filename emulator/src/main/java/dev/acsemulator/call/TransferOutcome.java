package dev.acsemulator.call;

import dev.acsemulator.call.event.CallEvent;

/**
 * TransferToParticipant (call-automation-behaviour.md §2.6, §2.7). The invitation rings the target inside a new call
 * that will hold the transferee and the target; the outcome is reported on the transferring connection's call lane:
 * accepted in a 1:1 call: CallTransferAccepted 7015 then CallDisconnected 7015, and the original call ends; accepted
 * in a group call: CallTransferAccepted, the transferee leaves, ParticipantsUpdated, back to connected; failed:
 * CallTransferFailed with the reason, and the call stays up.
 */
final class TransferOutcome implements InvitationOutcome {

    private final CallConnection transferor;
    private final Identifier transferee;
    private final boolean leavesCall;
    private final String operationContext;
    private final String operationCallbackUri;

    /** {@code leavesCall}: a transfer of the call itself (no transferee named), which ends this connection's leg. */
    TransferOutcome(CallConnection transferor, Identifier transferee, boolean leavesCall, String operationContext,
                    String operationCallbackUri) {
        this.transferor = transferor;
        this.transferee = transferee;
        this.leavesCall = leavesCall;
        this.operationContext = operationContext;
        this.operationCallbackUri = operationCallbackUri;
    }

    @Override
    public String operationId() {
        return "CallConnection_TransferToParticipant";
    }

    @Override
    public String requestedBy() {
        return transferor.callConnectionId();
    }

    @Override
    public void answered(Invitation invitation, CallConnection answeringConnection) {
        Call newCall = invitation.call();
        if (!transferor.isActive()) {
            newCall.end(connection -> ResultInformation.CONVERSATION_ENDED, null);
            return;
        }
        newCall.join(transferee, null);
        newCall.join(invitation.target(), answeringConnection);
        if (answeringConnection != null) {
            newCall.connect(answeringConnection);
        }
        newCall.publishRoster();
        newCall.endIfNoApplication();
        Call original = transferor.call();
        original.lane().execute(() -> completeTransfer(original, invitation.target()));
    }

    private void completeTransfer(Call original, Identifier target) {
        if (!transferor.isActive()) {
            return;
        }
        transferor.transitionTo(CallConnectionState.TRANSFER_ACCEPTED, "transfer accepted");
        original.emit(new CallEvent.CallTransferAccepted(original.header(transferor, operationContext,
                operationCallbackUri, ResultInformation.TRANSFER_COMPLETED), target, transferee));
        original.leave(transferee);
        if (leavesCall) {
            original.end(connection -> ResultInformation.TRANSFER_COMPLETED, operationContext);
        } else {
            transferor.transitionTo(CallConnectionState.CONNECTED, "participant transferred");
            original.publishRoster();
        }
    }

    @Override
    public void failed(Invitation invitation, ResultInformation reason) {
        invitation.call().end(connection -> reason, null);
        Call original = transferor.call();
        original.lane().execute(() -> {
            if (!transferor.isActive()) {
                return;
            }
            transferor.transitionTo(CallConnectionState.CONNECTED, "transfer failed");
            original.emit(new CallEvent.CallTransferFailed(original.header(transferor, operationContext,
                    operationCallbackUri, reason), invitation.target(), transferee));
        });
    }
}
