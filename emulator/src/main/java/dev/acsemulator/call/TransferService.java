package dev.acsemulator.call;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * TransferToParticipant: hands a participant of this call over to a target identity (call-automation-behaviour.md §2.6,
 * §2.7).
 */
public final class TransferService {

    private final CallContext context;

    public TransferService(CallService calls) {
        this.context = calls.context();
    }

    public CompletableFuture<String> transfer(Commands.Transfer command) {
        return context.connection(command.callConnectionId()).thenCompose(connection ->
                CallContext.onLane(connection.call(), () -> start(connection, command)));
    }

    private String start(CallConnection connection, Commands.Transfer command) {
        if (connection.state() != CallConnectionState.CONNECTED) {
            if (connection.state() == CallConnectionState.TRANSFERRING) {
                throw new CallActionException(CallError.ACTION_NOT_VALID_IN_STATE,
                        "A transfer is already in progress on this call.");
            }
            CallContext.requireEstablished(connection);
        }
        Call call = connection.call();
        Identifier target = command.target();
        if (target.equals(connection.identity()) || call.participant(target).isPresent()) {
            throw new CallActionException(CallError.INVALID_REQUEST,
                    "The transfer target " + target.rawId() + " is already in the call.");
        }
        Identifier transferee = transferee(connection, command);
        connection.transitionTo(CallConnectionState.TRANSFERRING, "transfer to " + target.rawId());
        Call destination = context.newCall(false);
        TransferOutcome outcome = new TransferOutcome(connection, transferee, command.transferee() == null,
                command.operationContext(), command.operationCallbackUri());
        destination.lane().execute(CausingRequest.carried(() -> context.invite(destination, target, transferee,
                null, context.settings.ringTimeout(), command.headers(), outcome)));
        return command.operationContext();
    }

    /** In a 1:1 call the transferee is the other participant; a group call must name one who is in the call. */
    private static Identifier transferee(CallConnection connection, Commands.Transfer command) {
        Call call = connection.call();
        if (command.transferee() != null) {
            if (command.transferee().equals(connection.identity())) {
                throw new CallActionException(CallError.INVALID_REQUEST,
                        "A call automation endpoint cannot be transferred.");
            }
            return call.participant(command.transferee()).map(Participant::identifier).orElseThrow(() ->
                    new CallActionException(CallError.PARTICIPANT_NOT_FOUND,
                            "Transferee " + command.transferee().rawId() + " is not in the call."));
        }
        List<Identifier> others = call.participants().stream()
                .map(Participant::identifier)
                .filter(identifier -> !identifier.equals(connection.identity()))
                .toList();
        if (others.size() != 1) {
            throw new CallActionException(CallError.INVALID_REQUEST,
                    "A transferee is required to transfer a participant of a group call.");
        }
        return others.get(0);
    }
}
