package dev.acsemulator.call;

import dev.acsemulator.call.media.CallMedia;
import dev.acsemulator.call.media.ContinuousDtmfRecognition;
import dev.acsemulator.call.media.HeardPrompt;
import dev.acsemulator.call.media.HeldParticipant;
import dev.acsemulator.call.media.MediaOperation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** Read access to calls for the control API: every view is taken on the call's own lane. */
public final class CallInspector {

    private final CallRegistry registry;

    public CallInspector(CallRegistry registry) {
        this.registry = registry;
    }

    public CompletableFuture<CallView> view(String serverCallId) {
        Call call = registry.call(serverCallId).orElseThrow(() -> new CallActionException(
                CallError.CALL_CONNECTION_NOT_FOUND, "Call " + serverCallId + " not found."));
        return CallContext.onLane(call, () -> viewOf(call));
    }

    /** The call a connection belongs to. */
    public CompletableFuture<CallView> viewByConnection(String callConnectionId) {
        CallConnection connection = registry.connection(callConnectionId).orElseThrow(() -> new CallActionException(
                CallError.CALL_CONNECTION_NOT_FOUND, "Call connection " + callConnectionId + " not found."));
        return CallContext.onLane(connection.call(), () -> viewOf(connection.call()));
    }

    /** Every known call, oldest first by server call id order of the registry. */
    public CompletableFuture<List<CallView>> all() {
        List<CompletableFuture<CallView>> views = new ArrayList<>();
        for (Call call : registry.calls()) {
            views.add(CallContext.onLane(call, () -> viewOf(call)));
        }
        return CompletableFuture.allOf(views.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<CallView> list = new ArrayList<>();
            views.forEach(view -> list.add(view.join()));
            list.sort(Comparator.comparing(view -> view.journal().isEmpty() ? null : view.journal().get(0).time(),
                    Comparator.nullsLast(Comparator.naturalOrder())));
            return list;
        });
    }

    private static CallView viewOf(Call call) {
        List<CallView.ConnectionView> connections = new ArrayList<>();
        for (CallConnection connection : call.connections()) {
            connections.add(new CallView.ConnectionView(connection.callConnectionId(),
                    connection.state().wireName(), connection.identity(), connection.callbackUri(),
                    connection.apiVersion()));
        }
        List<CallView.InvitationView> invitations = new ArrayList<>();
        for (Invitation invitation : call.invitations()) {
            invitations.add(new CallView.InvitationView(invitation.invitationId(), invitation.target(),
                    invitation.from(), invitation.state().name().toLowerCase(), invitation.isManual()));
        }
        List<CallView.MediaOperationView> media = new ArrayList<>();
        List<HeardPrompt> heard = List.of();
        List<HeldParticipant> onHold = List.of();
        if (call.mediaIfAny().isPresent()) {
            CallMedia callMedia = call.mediaIfAny().get();
            for (MediaOperation operation : callMedia.operations()) {
                media.add(new CallView.MediaOperationView(operation.kind(),
                        operation.connection().callConnectionId(), operation.operationContext(),
                        operation.stateName()));
            }
            for (ContinuousDtmfRecognition recognition : callMedia.continuousDtmfRecognitions()) {
                media.add(new CallView.MediaOperationView("continuousDtmfRecognition",
                        recognition.request().callConnectionId(), recognition.request().operationContext(),
                        recognition.state().name().toLowerCase(Locale.ROOT)));
            }
            callMedia.dtmfSend().ifPresent(send -> media.add(new CallView.MediaOperationView("sendDtmfTones",
                    send.request().callConnectionId(), send.request().operationContext(),
                    send.state().name().toLowerCase(Locale.ROOT))));
            heard = callMedia.heard();
            onHold = callMedia.holds().heldParticipants();
        }
        return new CallView(call.serverCallId(), call.correlationId(), call.isGroup(), call.isEnded(),
                call.sequenceNumber(), call.participantViews(), connections, invitations, call.journal().entries(),
                media, heard, onHold);
    }
}
