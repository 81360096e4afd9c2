package dev.acsemulator.call;

import dev.acsemulator.call.media.PersonInput;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What a simulated person can do to a call they are in, whether driven by their behaviour or by the control API.
 * Each runs on the call's lane.
 */
public final class PersonActions {

    private final CallRegistry registry;

    public PersonActions(CallRegistry registry) {
        this.registry = registry;
    }

    /**
     * The person hangs up. In a 1:1 call the call ends and every application connection gets CallDisconnected
     * 200/5001 (as when the other party hangs up, call-automation-behaviour.md §2.20); in a group call the others get
     * ParticipantsUpdated.
     */
    public CompletableFuture<Void> hangUp(String serverCallId, Identifier person) {
        Call call = call(serverCallId);
        return CallContext.onLane(call, () -> {
            hangUpNow(call, person);
            return null;
        });
    }

    /** The same, already on the call's lane (a behaviour's scheduled hang-up). */
    public static void hangUpNow(Call call, Identifier person) {
        Optional<Participant> participant = call.participant(person);
        if (call.isEnded() || participant.isEmpty()) {
            throw new CallActionException(CallError.PARTICIPANT_NOT_FOUND,
                    person.rawId() + " is not in call " + call.serverCallId() + ".");
        }
        if (participant.get().isApplication()) {
            throw new CallActionException(CallError.INVALID_REQUEST,
                    person.rawId() + " is an application's leg; the application hangs up through the API.");
        }
        call.leave(person);
        call.journal().record("person", person.rawId(), "hung up");
        call.endIfAloneElsePublish(ResultInformation.OTHER_PARTY_ENDED);
    }

    /** The person puts the call on hold locally, or resumes it: ParticipantsUpdated shows isOnHold. */
    public CompletableFuture<Void> hold(String serverCallId, Identifier person, boolean held) {
        Call call = call(serverCallId);
        return CallContext.onLane(call, () -> {
            Participant participant = person(call, person);
            if (participant.onHold() != held) {
                participant.hold(held);
                call.journal().record("person", person.rawId(), held ? "put the call on hold" : "resumed the call");
                call.publishRoster();
            }
            return null;
        });
    }

    /**
     * The person presses keys or says something: the call's listening media operations (recognize, continuous DTMF)
     * hear it; with none listening the service ignores it too. The journal records it, typed.
     */
    public CompletableFuture<Void> input(String serverCallId, Identifier person, PersonInput input) {
        Call call = call(serverCallId);
        return CallContext.onLane(call, () -> {
            inputNow(call, person, input);
            return null;
        });
    }

    /** The same, already on the call's lane (a behaviour's scripted answer to a recognize). */
    public static void inputNow(Call call, Identifier person, PersonInput input) {
        person(call, person);
        call.hear(person, input);
    }

    /**
     * What the person heard from the application in the call, as a 16 kHz mono WAV file, from when they joined until
     * now or the call's end ({@link dev.acsemulator.call.audio.CallAudio#heardAsWav}). An ended call can be asked
     * until it is forgotten; someone who never joined it is not found.
     */
    public CompletableFuture<byte[]> heardAsWav(String serverCallId, Identifier person) {
        Call call = call(serverCallId);
        return CallContext.onLane(call, () -> call.audio().heardAsWav(person).orElseThrow(() ->
                new CallActionException(CallError.PARTICIPANT_NOT_FOUND,
                        person.rawId() + " has not been in call " + serverCallId + ".")));
    }

    /** A simulated person joins the call (it becomes a group call): every connection gets ParticipantsUpdated. */
    public CompletableFuture<Void> join(String serverCallId, Identifier person) {
        Call call = call(serverCallId);
        return CallContext.onLane(call, () -> {
            if (call.isEnded()) {
                throw new CallActionException(CallError.CALL_TERMINATED, "Call " + serverCallId + " has ended.");
            }
            if (call.participant(person).isPresent()) {
                throw new CallActionException(CallError.PARTICIPANT_ALREADY_IN_CALL,
                        person.rawId() + " is already in the call.");
            }
            call.becomeGroup();
            call.join(person, null);
            call.publishRoster();
            return null;
        });
    }

    private static Participant person(Call call, Identifier person) {
        Participant participant = call.participant(person).filter(p -> !call.isEnded()).orElseThrow(() ->
                new CallActionException(CallError.PARTICIPANT_NOT_FOUND,
                        person.rawId() + " is not in call " + call.serverCallId() + "."));
        if (participant.isApplication()) {
            throw new CallActionException(CallError.INVALID_REQUEST,
                    person.rawId() + " is an application's leg, not a simulated person.");
        }
        return participant;
    }

    private Call call(String serverCallId) {
        return registry.call(serverCallId).orElseThrow(() -> new CallActionException(
                CallError.CALL_CONNECTION_NOT_FOUND, "Call " + serverCallId + " not found."));
    }
}
