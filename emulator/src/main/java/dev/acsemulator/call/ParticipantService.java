package dev.acsemulator.call;

import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.ParticipantView;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Participant operations on a call connection: list, get, add, remove, cancel an add, mute and move
 * (call-automation-behaviour.md §2.8–§2.11). Runs on the call's lane.
 */
public final class ParticipantService {

    private final CallContext context;

    public ParticipantService(CallService calls) {
        this.context = calls.context();
    }

    public CompletableFuture<List<ParticipantView>> list(String callConnectionId) {
        return onConnection(callConnectionId, connection -> {
            CallContext.requireActive(connection);
            return connection.call().participantViews();
        });
    }

    public CompletableFuture<ParticipantView> get(String callConnectionId, Identifier identifier) {
        return onConnection(callConnectionId, connection -> {
            CallContext.requireActive(connection);
            return connection.call().participant(identifier).map(Participant::view).orElseThrow(() ->
                    new CallActionException(CallError.PARTICIPANT_NOT_FOUND,
                            "Participant " + identifier.rawId() + " is not in the call."));
        });
    }

    public CompletableFuture<AddedParticipant> add(Commands.AddParticipant command) {
        return onConnection(command.callConnectionId(), connection -> {
            CallContext.requireEstablished(connection);
            Call call = connection.call();
            if (call.participant(command.target()).isPresent()) {
                throw new CallActionException(CallError.PARTICIPANT_ALREADY_IN_CALL,
                        "Participant " + command.target().rawId() + " is already in the call.");
            }
            ParticipantLimit.requireRoomFor(ParticipantLimit.seated(call), 1);
            Duration timeout = command.invitationTimeoutInSeconds() == null ? context.settings.ringTimeout()
                    : Duration.ofSeconds(command.invitationTimeoutInSeconds());
            Identifier from = command.target().isPhoneNumber() && command.sourceCallerIdNumber() != null
                    ? command.sourceCallerIdNumber() : connection.identity();
            Invitation invitation = context.invite(call, command.target(), from, command.sourceDisplayName(), timeout,
                    command.headers(), new AddParticipantOutcome(connection, command.operationContext(),
                            command.operationCallbackUri()));
            if (invitation.isRinging()) {
                RosterPolicy.inviteeRinging(call);
            }
            return new AddedParticipant(command.target(), invitation.invitationId(), command.operationContext());
        });
    }

    /**
     * §2.10: RemoveParticipantSucceeded, then either ParticipantsUpdated (group) or, when the call is left with one
     * participant, CallDisconnected 5002. A participant who is not in the call gives RemoveParticipantFailed 404/8522.
     */
    public CompletableFuture<Void> remove(Commands.RemoveParticipant command) {
        return onConnection(command.callConnectionId(), connection -> {
            CallContext.requireEstablished(connection);
            Call call = connection.call();
            Identifier target = command.target();
            if (target.equals(connection.identity())) {
                throw new CallActionException(CallError.INVALID_REQUEST,
                        "A call connection cannot remove itself; use hang up instead.");
            }
            call.lane().execute(() -> settleRemove(connection, command));
            return null;
        });
    }

    private void settleRemove(CallConnection connection, Commands.RemoveParticipant command) {
        Call call = connection.call();
        if (!connection.isActive()) {
            return;
        }
        Identifier target = command.target();
        var removed = call.leave(target);
        if (removed.isEmpty()) {
            call.emit(new CallEvent.RemoveParticipantFailed(call.header(connection, command.operationContext(),
                    command.operationCallbackUri(), ResultInformation.NOT_FOUND), target));
            return;
        }
        CallConnection removedConnection = removed.get().connection();
        if (removedConnection != null) {
            call.disconnect(removedConnection, ResultInformation.REMOVED_BY_PARTICIPANT, null);
        }
        call.emit(new CallEvent.RemoveParticipantSucceeded(call.header(connection, command.operationContext(),
                command.operationCallbackUri(), ResultInformation.OK), target));
        call.endIfAloneElsePublish(ResultInformation.CONVERSATION_ENDED);
    }

    /** §2.9: a ringing invitation is cancelled (5300) with no AddParticipantFailed; otherwise the cancel fails. */
    public CompletableFuture<String> cancelAdd(Commands.CancelAddParticipant command) {
        return onConnection(command.callConnectionId(), connection -> {
            CallContext.requireEstablished(connection);
            Call call = connection.call();
            call.lane().execute(() -> {
                var invitation = call.invitation(command.invitationId());
                if (invitation.isPresent() && invitation.get().isRinging()) {
                    invitation.get().cancel();
                    call.emit(new CallEvent.CancelAddParticipantSucceeded(call.header(connection,
                            command.operationContext(), command.operationCallbackUri(),
                            ResultInformation.invitationCancelled(invitation.get().target())),
                            command.invitationId()));
                } else {
                    ResultInformation reason = invitation.isPresent() ? ResultInformation.ALREADY_PROCESSED
                            : ResultInformation.NOT_FOUND;
                    call.emit(new CallEvent.CancelAddParticipantFailed(call.header(connection,
                            command.operationContext(), command.operationCallbackUri(), reason),
                            command.invitationId()));
                }
            });
            return command.invitationId();
        });
    }

    /** §2.11: only ACS users can be muted; the only visible effect is a ParticipantsUpdated with isMuted true. */
    public CompletableFuture<Void> mute(Commands.Mute command) {
        return changeMuted(command, true);
    }

    /**
     * CallConnection_Unmute (2023-10-03-preview and 2024-09-01-preview): the reverse of {@link #mute}, under the same
     * rules; a ParticipantsUpdated with isMuted false when the participant was muted, nothing otherwise.
     */
    public CompletableFuture<Void> unmute(Commands.Mute command) {
        return changeMuted(command, false);
    }

    private CompletableFuture<Void> changeMuted(Commands.Mute command, boolean muted) {
        String verb = muted ? "muted" : "unmuted";
        return onConnection(command.callConnectionId(), connection -> {
            CallContext.requireEstablished(connection);
            if (command.targets().size() != 1) {
                throw new CallActionException(CallError.INVALID_REQUEST,
                        "Exactly one participant can be " + verb + " per request.");
            }
            Identifier target = command.targets().get(0);
            if (!target.isCommunicationUser()) {
                throw new CallActionException(CallError.NOT_SUPPORTED,
                        "Only Azure Communication Services users can be " + verb + ".");
            }
            Call call = connection.call();
            Participant participant = call.participant(target).orElseThrow(() -> new CallActionException(
                    CallError.PARTICIPANT_NOT_FOUND, "Participant " + target.rawId() + " is not in the call."));
            if (participant.muted() != muted) {
                if (muted) {
                    participant.mute();
                } else {
                    participant.unmute();
                }
                call.lane().execute(call::publishRoster);
            }
            return null;
        });
    }

    /**
     * MoveParticipants (2026-03-12): participants leave {@code fromCall} and join this call. Each moved participant
     * gives MoveParticipantSucceeded; one not found in the source call gives MoveParticipantFailed 404/8522.
     * {@code fromCall} is "the CallConnectionId for the call you want to move the participant from" (the spec); a
     * server call id is accepted too (openapi/DEVIATIONS.md 23).
     */
    public CompletableFuture<List<Identifier>> move(Commands.MoveParticipants command) {
        return onConnection(command.callConnectionId(), connection -> {
            CallContext.requireEstablished(connection);
            Call destination = connection.call();
            Call source = context.registry.connection(command.fromCall()).map(CallConnection::call)
                    .or(() -> context.registry.call(command.fromCall())).filter(call -> !call.isEnded())
                    .orElseThrow(() -> new CallActionException(
                            CallError.INVALID_REQUEST, "The call " + command.fromCall()
                            + " to move participants from does not exist or has ended."));
            if (source == destination) {
                throw new CallActionException(CallError.INVALID_REQUEST,
                        "Participants cannot be moved into the call they are already in.");
            }
            source.lane().execute(() -> takeFrom(source, destination, connection, command));
            return command.targets();
        });
    }

    private void takeFrom(Call source, Call destination, CallConnection mover, Commands.MoveParticipants command) {
        List<Identifier> moved = new ArrayList<>();
        List<Identifier> missing = new ArrayList<>();
        for (Identifier target : command.targets()) {
            var participant = source.participant(target);
            if (participant.isPresent() && !participant.get().isApplication()) {
                source.leave(target);
                moved.add(target);
            } else {
                missing.add(target);
            }
        }
        if (!moved.isEmpty()) {
            source.endIfAloneElsePublish(ResultInformation.CONVERSATION_ENDED);
        }
        destination.lane().execute(() -> {
            if (!mover.isActive()) {
                return;
            }
            for (Identifier target : moved) {
                destination.join(target, null);
                destination.emit(new CallEvent.MoveParticipantSucceeded(destination.header(mover,
                        command.operationContext(), command.operationCallbackUri(), ResultInformation.OK), target,
                        command.fromCall()));
            }
            for (Identifier target : missing) {
                destination.emit(new CallEvent.MoveParticipantFailed(destination.header(mover,
                        command.operationContext(), command.operationCallbackUri(), ResultInformation.NOT_FOUND),
                        target, command.fromCall()));
            }
            if (!moved.isEmpty()) {
                destination.becomeGroup();
                destination.publishRoster();
            }
        });
    }

    private <T> CompletableFuture<T> onConnection(String callConnectionId,
                                                  java.util.function.Function<CallConnection, T> action) {
        return context.connection(callConnectionId)
                .thenCompose(connection -> CallContext.onLane(connection.call(), () -> action.apply(connection)));
    }
}
