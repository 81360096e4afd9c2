package dev.acsemulator.call;

import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.CallEventSink;
import dev.acsemulator.runtime.IdSource;
import dev.acsemulator.runtime.LaneSource;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Call lifecycle operations: CreateCall, AnswerCall, RejectCall, RedirectCall, Connect, GetCall, HangUp and Terminate
 * (call-automation-behaviour.md §2.1–§2.5, §2.20). Each runs on the call's lane and completes with a snapshot taken
 * before any event of the action is emitted, so a new connection always answers {@code connecting}.
 */
public final class CallService {

    private final CallContext context;

    public CallService(CallRegistry registry, LaneSource lanes, IdSource ids, Clock clock, CallEventSink sink,
                       InvitationRouter router, CallSettings settings) {
        this.context = new CallContext(registry, lanes, ids, clock, sink, router, settings);
    }

    public CompletableFuture<CallConnectionSnapshot> createCall(Commands.CreateCall command) {
        try {
            ParticipantLimit.requireRoomFor(1, command.targets().size());
        } catch (CallActionException e) {
            return CompletableFuture.failedFuture(e);
        }
        Call call = context.newCall(command.targets().size() > 1);
        return CallContext.onLane(call, () -> {
            Identifier identity = command.source() != null ? command.source() : context.newApplicationIdentity(call);
            CallConnection caller = context.newConnection(call, new CallConnection.ConnectionSpec(identity,
                    command.callbackUri(), command.apiVersion(), command.operationContext(), command.targets(),
                    command.sourceCallerIdNumber(), command.sourceDisplayName(), null,
                    command.cognitiveServicesEndpoint()));
            call.join(identity, caller);
            CallConnectionSnapshot snapshot = caller.snapshot();
            for (Identifier target : command.targets()) {
                Identifier from = target.isPhoneNumber() && command.sourceCallerIdNumber() != null
                        ? command.sourceCallerIdNumber() : identity;
                context.invite(call, target, from, command.sourceDisplayName(), context.settings.ringTimeout(),
                        command.headers(), new CreateCallOutcome(caller));
            }
            return snapshot;
        });
    }

    public CompletableFuture<CallConnectionSnapshot> answer(Commands.Answer command) {
        IncomingCallTicket ticket = ticket(command.incomingCallContext());
        Invitation invitation = ticket.invitation();
        Call call = invitation.call();
        return CallContext.onLane(call, () -> {
            // CallConnectionProperties of an answered call describe the call as its IncomingCall presented it: the
            // caller (or the identity that redirected the call) is its source and the answering identity its target
            // (openapi/DEVIATIONS.md 31, 57).
            CallConnection connection = context.newConnection(call, new CallConnection.ConnectionSpec(ticket.to(),
                    command.callbackUri(), command.apiVersion(), command.operationContext(), List.of(ticket.to()),
                    null, null, command.answeredBy(), command.cognitiveServicesEndpoint(), ticket.from()));
            CallConnectionSnapshot snapshot = connection.snapshot();
            call.lane().execute(() -> settleAnswer(ticket, connection));
            return snapshot;
        });
    }

    /**
     * §2.3: the first answer wins; a later one loses with CallDisconnected 487/10003. An answer of a call that is gone
     * (the caller hung up, it rang out, or it was rejected) fails: AnswerFailed, then CallDisconnected with the same
     * result (487/10004 when it rang out, 400/8528 otherwise), as a failed CreateCall gives CreateCallFailed and
     * CallDisconnected. An api-version without AnswerFailed (before 2024-09-15) gets the CallDisconnected alone, so
     * the application always hears that its answer failed (openapi/DEVIATIONS.md 56).
     */
    private void settleAnswer(IncomingCallTicket ticket, CallConnection connection) {
        Invitation invitation = ticket.invitation();
        Call call = invitation.call();
        if (ticket.isCurrent()) {
            invitation.answer(connection);
        } else if (invitation.state() == Invitation.State.ANSWERED) {
            call.disconnect(connection, ResultInformation.ACCEPTED_ELSEWHERE, connection.operationContext());
        } else {
            ResultInformation reason = invitation.timedOut() ? ResultInformation.RING_TIMEOUT
                    : ResultInformation.CALL_ALREADY_ENDED;
            call.emit(new CallEvent.AnswerFailed(call.header(connection, connection.operationContext(), reason)));
            call.disconnect(connection, reason, connection.operationContext());
        }
    }

    public CompletableFuture<Void> reject(Commands.Reject command) {
        IncomingCallTicket ticket = ticket(command.incomingCallContext());
        return CallContext.onLane(ticket.invitation().call(), () -> {
            requireCurrent(ticket);
            ticket.invitation().fail(ResultInformation.forRejectReason(command.reason()));
            return null;
        });
    }

    public CompletableFuture<Void> redirect(Commands.Redirect command) {
        IncomingCallTicket ticket = ticket(command.incomingCallContext());
        Invitation invitation = ticket.invitation();
        return CallContext.onLane(invitation.call(), () -> {
            requireCurrent(ticket);
            if (command.target().equals(ticket.to())) {
                throw new CallActionException(CallError.INVALID_REQUEST, "Cannot redirect a call to its own target.");
            }
            invitation.redirect(command.target());
            context.router.ring(invitation);
            return null;
        });
    }

    public CompletableFuture<CallConnectionSnapshot> connect(Commands.Connect command) {
        Commands.CallLocator locator = command.locator();
        Call call = switch (locator.kind()) {
            case SERVER_CALL -> context.registry.call(locator.id()).orElse(null);
            case GROUP_CALL -> context.registry.callForLocator("group:" + locator.id(), () -> context.newCall(true));
            case ROOM_CALL -> context.registry.callForLocator("room:" + locator.id(), () -> context.newCall(true));
        };
        boolean found = call != null;
        // A server call that does not exist: the connection and its ConnectFailed name the call that was asked for,
        // which is remembered as ended (so asking again fails the same way) and forgotten after the retention.
        Call target = found ? call : context.newEndedCall(locator.id());
        boolean joinsRoster = locator.kind() != Commands.CallLocator.Kind.SERVER_CALL;
        return CallContext.onLane(target, () -> {
            if (joinsRoster) {
                ParticipantLimit.requireRoomFor(ParticipantLimit.seated(target), 1);
            }
            Identifier identity = context.newApplicationIdentity(target);
            CallConnection connection = context.newConnection(target, new CallConnection.ConnectionSpec(identity,
                    command.callbackUri(), command.apiVersion(), command.operationContext(), List.of(), null, null,
                    null, command.cognitiveServicesEndpoint()));
            CallConnectionSnapshot snapshot = connection.snapshot();
            target.lane().execute(() -> settleConnect(target, connection, joinsRoster));
            return snapshot;
        });
    }

    /**
     * §2.5: ParticipantsUpdated may precede CallConnected on Connect; a call that is gone gives ConnectFailed. An
     * application that connects to an existing call by its server call id listens in without being a participant:
     * the real service lists it in no roster and tells the others nothing (recorded: azure-sdk-for-java
     * createVOIPCallAndConnectCallTest.json); it alone hears the call's next roster versions (RosterPolicy).
     * Group and room calls, which a Connect can start, list every application that joined them.
     */
    private void settleConnect(Call call, CallConnection connection, boolean joinsRoster) {
        if (call.isEnded()) {
            call.emit(new CallEvent.ConnectFailed(call.header(connection, connection.operationContext(),
                    ResultInformation.CALL_DOES_NOT_EXIST)));
            connection.transitionTo(CallConnectionState.DISCONNECTED, "connect failed");
            return;
        }
        connection.transitionTo(CallConnectionState.CONNECTED, "connected to existing call");
        if (joinsRoster) {
            call.join(connection.identity(), connection);
            call.publishRoster();
        } else {
            RosterPolicy.connectedToListen(call, connection);
        }
        call.emit(new CallEvent.CallConnected(call.header(connection, connection.operationContext(),
                ResultInformation.OK)));
    }

    /**
     * Answered on the caller's thread, without a hop to the call's lane: a connection's properties are immutable
     * except its state, which is volatile, so a snapshot read anywhere is consistent.
     */
    public CompletableFuture<CallConnectionSnapshot> get(String callConnectionId) {
        return context.connection(callConnectionId).thenApply(connection -> {
            CallContext.requireActive(connection);
            return connection.snapshot();
        });
    }

    /**
     * §2.20 hang-up (leave): in a 1:1 call the call ends, 7000 to this connection and 5010 ("only one participant
     * was remaining") to another application's connection; in a group call only this application leaves.
     */
    public CompletableFuture<Void> hangUp(String callConnectionId) {
        return context.connection(callConnectionId).thenCompose(connection -> CallContext.onLane(connection.call(),
                () -> {
                    CallContext.requireActive(connection);
                    Call call = connection.call();
                    if (connection.state() == CallConnectionState.CONNECTED
                            && call.participant(connection.identity()).isEmpty()) {
                        // An application that connected to listen in leaves alone; the call goes on.
                        call.disconnect(connection, ResultInformation.ENDED_BY_CALL_AUTOMATION, null);
                    } else if (call.isGroup() && connection.state() != CallConnectionState.CONNECTING) {
                        call.disconnect(connection, ResultInformation.ENDED_BY_CALL_AUTOMATION, null);
                        call.publishRoster();
                    } else {
                        call.end(other -> other == connection ? ResultInformation.ENDED_BY_CALL_AUTOMATION
                                : ResultInformation.ONLY_ONE_PARTICIPANT_LEFT, null);
                    }
                    return null;
                }));
    }

    /**
     * §2.20 terminate (hang up for everyone): every application connection of the call, the terminating one and the
     * others alike, gets CallDisconnected 200/7000, as the real service has sent in every recorded run since July 2025
     * (earlier runs gave the other connections 5001 as often as 7000; openapi/DEVIATIONS.md 48).
     */
    public CompletableFuture<Void> terminate(String callConnectionId) {
        return context.connection(callConnectionId).thenCompose(connection -> CallContext.onLane(connection.call(),
                () -> {
                    CallContext.requireActive(connection);
                    connection.call().end(any -> ResultInformation.ENDED_BY_CALL_AUTOMATION, null);
                    return null;
                }));
    }

    /**
     * A simulated caller calls an identity an application owns: the application receives IncomingCall and can
     * answer, reject or redirect it. Returns the new call's server call id.
     */
    public CompletableFuture<String> placeInboundCall(Identifier from, Identifier to, String callerDisplayName,
                                                      CustomHeaders headers) {
        if (!context.router.isApplicationOwned(to)) {
            throw new CallActionException(CallError.INVALID_REQUEST, to.rawId()
                    + " is not owned by an application: no Event Grid subscription delivers its IncomingCall.");
        }
        Call call = context.newCall(false);
        return CallContext.onLane(call, () -> {
            call.join(from, null);
            call.journal().record("person", from.rawId(), "calls ", to.rawId());
            context.invite(call, to, from, callerDisplayName, context.settings.ringTimeout(), headers,
                    new InboundCallOutcome());
            return call.serverCallId();
        });
    }

    /**
     * Runs a mid-call action of another part of the domain (media) on the connection's call lane, once the
     * connection is found and established; completes with its result or its {@link CallActionException}.
     */
    public <T> CompletableFuture<T> onEstablishedConnection(String callConnectionId,
                                                            java.util.function.Function<CallConnection, T> action) {
        return context.connection(callConnectionId).thenCompose(connection ->
                CallContext.onLane(connection.call(), () -> {
                    CallContext.requireEstablished(connection);
                    return action.apply(connection);
                }));
    }

    /** Runs an action on a connection's lane whatever its state (options given when the connection was opened). */
    public <T> CompletableFuture<T> onConnection(String callConnectionId,
                                                 java.util.function.Function<CallConnection, T> action) {
        return context.connection(callConnectionId).thenCompose(connection ->
                CallContext.onLane(connection.call(), () -> action.apply(connection)));
    }

    /** Runs an action of another part of the domain on the call's lane, as every call operation runs. */
    public static <T> CompletableFuture<T> onLane(Call call, java.util.function.Supplier<T> action) {
        return CallContext.onLane(call, action);
    }

    CallContext context() {
        return context;
    }

    private IncomingCallTicket ticket(String incomingCallContext) {
        return context.registry.incoming(incomingCallContext).orElseThrow(() -> new CallActionException(
                CallError.INCOMING_CALL_NOT_FOUND, "The incomingCallContext is invalid or has expired."));
    }

    private static void requireCurrent(IncomingCallTicket ticket) {
        if (!ticket.isCurrent()) {
            throw new CallActionException(CallError.INCOMING_CALL_NOT_RINGING,
                    "The incoming call is no longer ringing: it was answered, rejected, redirected or has ended.");
        }
    }
}
