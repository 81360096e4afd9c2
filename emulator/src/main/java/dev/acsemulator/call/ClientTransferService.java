package dev.acsemulator.call;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client-side transfers (the Calling SDK Transfer feature, call-automation-behaviour.md §8): a simulated participant
 * transfers the other party of its call to a participant (with or without the target's forwarding and unanswered
 * settings), to another call it is in (consultative), or to a Teams user's voicemail.
 */
public final class ClientTransferService {

    /**
     * The Calling SDK's call transfer operation times out after 60 s; the target's phone rings no longer than any
     * invitation does ({@code --ring-timeout}), so the attempt ends at the sooner of the two.
     */
    private static final Duration TRANSFER_TIMEOUT = Duration.ofSeconds(60);

    /** What the transferor asked for; exactly one of target, targetCallId and voicemailOf is set. */
    public record Request(Identifier target, String targetCallId, Identifier voicemailOf, Identifier transferee,
                          boolean disableForwardingAndUnanswered) { }

    private final CallContext context;
    private final Map<String, ClientTransfer> transfers = new ConcurrentHashMap<>();

    public ClientTransferService(CallService calls) {
        this.context = calls.context();
        // A transfer is remembered as long as the call it transferred from: forgotten with it, so a long run of
        // transfers holds no more than the calls the emulator remembers anyway.
        context.registry.whenForgotten(serverCallId -> transfers.values()
                .removeIf(transfer -> transfer.serverCallId().equals(serverCallId)));
    }

    public Optional<ClientTransfer> transfer(String id) {
        return Optional.ofNullable(transfers.get(id));
    }

    public CompletableFuture<ClientTransfer> start(String serverCallId, Identifier transferor, Request request) {
        Call original = call(serverCallId);
        if (request.targetCallId() != null) {
            Call consulted = call(request.targetCallId());
            return CallContext.onLane(consulted, () -> {
                requirePerson(consulted, transferor, "the transferor is not in the target call");
                return consulted;
            }).thenCompose(ignored -> CallContext.onLane(original, () -> toCall(original, consulted, transferor,
                    request)));
        }
        return CallContext.onLane(original, () -> {
            Identifier transferee = transferee(original, transferor, request);
            Identifier target = request.target() != null ? request.target() : request.voicemailOf();
            if (target.equals(transferor) || target.equals(transferee) || original.participant(target).isPresent()) {
                throw new CallActionException(CallError.INVALID_REQUEST,
                        "A call cannot be transferred to someone who is already in it.");
            }
            String label = request.voicemailOf() != null ? "voicemail:" + target.rawId() : target.rawId();
            ClientTransfer transfer = register(original, transferor, transferee, label);
            Call destination = context.newCall(false);
            ClientTransferOutcome outcome = new ClientTransferOutcome(transfer, original);
            Duration ringing = context.settings.ringTimeout().compareTo(TRANSFER_TIMEOUT) < 0
                    ? context.settings.ringTimeout() : TRANSFER_TIMEOUT;
            destination.lane().execute(() -> {
                Invitation invitation = context.invite(destination, target, transferee, null, ringing,
                        CustomHeaders.NONE, outcome, !request.disableForwardingAndUnanswered()
                                && request.voicemailOf() == null);
                if (request.voicemailOf() != null && invitation.isRinging()) {
                    destination.journal().record("transfer", transfer.id(), "answered by voicemail of " + target);
                    invitation.answerAsPerson();
                }
            });
            return transfer;
        });
    }

    /** Consultative transfer: the transferee joins the call the transferor has with the target. */
    private ClientTransfer toCall(Call original, Call consulted, Identifier transferor, Request request) {
        Identifier transferee = transferee(original, transferor, request);
        ClientTransfer transfer = register(original, transferor, transferee, "call:" + consulted.serverCallId());
        leaveAfterTransfer(original, transfer);
        consulted.lane().execute(() -> {
            if (consulted.isEnded()) {
                transfer.failed(ResultInformation.CALL_DOES_NOT_EXIST);
                return;
            }
            consulted.leave(transferor);
            consulted.becomeGroup();
            consulted.join(transferee, null);
            consulted.publishRoster();
            transfer.transferred();
        });
        return transfer;
    }

    /** After a successful transfer both transferee and transferor leave the original call. */
    static void leaveAfterTransfer(Call original, ClientTransfer transfer) {
        if (original.isEnded()) {
            return;
        }
        original.leave(transfer.transferee());
        original.leave(transfer.transferor());
        original.journal().record("transfer", transfer.id(), transfer.transferee() + " transferred to "
                + transfer.target() + " by " + transfer.transferor());
        if (original.participantCount() <= 1) {
            // Whatever the call was, an application left alone by a transfer has no one to talk to.
            original.end(connection -> ResultInformation.OTHER_PARTY_ENDED, null);
        } else {
            original.publishRoster();
        }
    }

    /** A call takes one client-side transfer at a time, as a Calling SDK call does. Runs on the call's lane. */
    private ClientTransfer register(Call original, Identifier transferor, Identifier transferee, String target) {
        for (ClientTransfer running : transfers.values()) {
            if (running.serverCallId().equals(original.serverCallId())
                    && running.state() == ClientTransfer.State.TRANSFERRING) {
                throw new CallActionException(CallError.ACTION_NOT_VALID_IN_STATE, "Transfer " + running.id()
                        + " of this call is still in progress.");
            }
        }
        ClientTransfer transfer = new ClientTransfer(context.ids.guid(), original.serverCallId(), transferor,
                transferee, target);
        transfer.transferring();
        transfers.put(transfer.id(), transfer);
        return transfer;
    }

    private static Identifier transferee(Call original, Identifier transferor, Request request) {
        requirePerson(original, transferor, "the transferor is not in the call");
        if (request.transferee() != null) {
            Participant transferee = original.participant(request.transferee()).filter(p -> !original.isEnded())
                    .orElseThrow(() -> new CallActionException(CallError.PARTICIPANT_NOT_FOUND,
                            request.transferee().rawId() + ": the transferee is not in the call."));
            if (transferee.isApplication()) {
                throw new CallActionException(CallError.NOT_SUPPORTED, request.transferee().rawId() + " is an "
                        + "application's leg; the emulator simulates client-side transfers of people only.");
            }
            return request.transferee();
        }
        var people = original.participants().stream().filter(p -> !p.isApplication())
                .map(Participant::identifier).filter(identity -> !identity.equals(transferor)).toList();
        if (people.isEmpty()) {
            throw new CallActionException(CallError.NOT_SUPPORTED, "The only other party is an application's leg; "
                    + "the emulator simulates client-side transfers of people only.");
        }
        if (people.size() > 1) {
            throw new CallActionException(CallError.INVALID_REQUEST,
                    "Name the transferee: the call has " + people.size() + " other people.");
        }
        return people.get(0);
    }

    private static void requirePerson(Call call, Identifier identity, String problem) {
        Participant participant = call.participant(identity).filter(p -> !call.isEnded()).orElseThrow(() ->
                new CallActionException(CallError.PARTICIPANT_NOT_FOUND, identity.rawId() + ": " + problem + "."));
        if (participant.isApplication()) {
            throw new CallActionException(CallError.INVALID_REQUEST,
                    identity.rawId() + " is an application's leg, not a simulated person.");
        }
    }

    private Call call(String serverCallId) {
        return context.registry.call(serverCallId).orElseThrow(() -> new CallActionException(
                CallError.CALL_CONNECTION_NOT_FOUND, "Call " + serverCallId + " not found."));
    }
}
