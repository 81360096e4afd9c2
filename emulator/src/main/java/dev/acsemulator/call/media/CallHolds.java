package dev.acsemulator.call.media;

import dev.acsemulator.call.Call;
import dev.acsemulator.call.CallActionException;
import dev.acsemulator.call.CallConnection;
import dev.acsemulator.call.CallError;
import dev.acsemulator.call.Identifier;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The participants of one call that applications put on hold (CallMedia_Hold / CallMedia_Unhold,
 * call-automation-behaviour.md §2.12); lives on the call's lane.
 *
 * <p>Hold moves the participant to a sub-leg: every application leg gets ParticipantsUpdated with them
 * {@code isOnHold:true}, and no success event follows; Unhold brings them back with {@code isOnHold:false}. While
 * held they hear only their hold audio and the plays addressed to them, not the plays to everyone (those play on
 * the main leg). A play to specific participants leaves the hold flag of a held participant alone (the recordings
 * show no ParticipantsUpdated around it), and a play to them accepted while they are held ends with the hold:
 * unhold cancels it (PlayCanceled, azure-sdk-for-java interruptAudioAndAnnounceToholdParticipantInACallTest.json).
 * A hold ends without an event when the participant leaves or the call ends.
 */
public final class CallHolds {

    private final Map<Identifier, ParticipantHold> held = new LinkedHashMap<>(2);

    /** Puts the target on hold and starts its hold audio; already held: nothing changes. */
    void hold(CallConnection connection, HoldRequest request, SourcePreparer preparer, Clock clock,
              CallMedia media, InjectedMediaFailures failures) {
        Call call = connection.call();
        requireHoldable(connection, request.target());
        if (held.containsKey(request.target())) {
            call.journal().record("media", connection.callConnectionId(),
                    "hold of " + request.target().rawId() + ": already on hold, nothing changes");
            return;
        }
        ParticipantHold hold = new ParticipantHold(connection, request, clock, media);
        held.put(request.target(), hold);
        call.journal().record("media", connection.callConnectionId(), "hold " + request.target().rawId()
                + (request.holdAudio() == null ? " in silence" : " with " + request.holdAudio().kind() + " audio"));
        call.holdForMedia(List.of(request.target()), true);
        hold.startAudio(preparer, failures);
    }

    /**
     * Takes the target off hold: its hold audio ends, the plays to it that ran on the hold end with PlayCanceled,
     * and every leg sees it off hold. Not on hold: nothing changes.
     */
    void unhold(CallConnection connection, UnholdRequest request) {
        Call call = connection.call();
        MediaTargets.requireInCall(call, request.target());
        ParticipantHold hold = held.remove(request.target());
        if (hold == null) {
            call.journal().record("media", connection.callConnectionId(),
                    "unhold of " + request.target().rawId() + ": not on hold, nothing changes");
            return;
        }
        call.journal().record("media", connection.callConnectionId(), "unhold " + request.target().rawId());
        for (PlayOperation play : hold.unhold()) {
            play.cancel();
        }
        call.holdForMedia(List.of(request.target()), false);
    }

    public boolean isHeld(Identifier participant) {
        return held.containsKey(participant);
    }

    /** The state of the participant's hold audio, or null when they are not on hold. */
    public HoldAudioState audioOf(Identifier participant) {
        ParticipantHold hold = held.get(participant);
        return hold == null ? null : hold.state();
    }

    /** Everyone on hold now, in the order they were held, with who held them and their hold audio's state. */
    public List<HeldParticipant> heldParticipants() {
        List<HeldParticipant> all = new ArrayList<>(held.size());
        for (ParticipantHold hold : held.values()) {
            all.add(hold.view());
        }
        return all;
    }

    /** Those of {@code participants} that are not on hold, in order. */
    List<Identifier> notHeld(List<Identifier> participants) {
        if (held.isEmpty()) {
            return participants;
        }
        List<Identifier> free = new ArrayList<>(participants.size());
        for (Identifier participant : participants) {
            if (!held.containsKey(participant)) {
                free.add(participant);
            }
        }
        return free;
    }

    /** A play was accepted: a held participant it plays to keeps it on the hold's sub-leg. */
    void playAccepted(PlayOperation play) {
        for (Identifier target : play.request().playTo()) {
            ParticipantHold hold = held.get(target);
            if (hold != null) {
                hold.playAccepted(play);
            }
        }
    }

    /** A play is about to start: with interruptHoldAudio, the hold audio of the held participants it plays to pauses. */
    void playStarting(PlayOperation play) {
        if (!play.request().interruptHoldAudio()) {
            return;
        }
        for (Identifier target : play.request().playTo()) {
            ParticipantHold hold = held.get(target);
            if (hold != null) {
                hold.interruptedBy(play);
            }
        }
    }

    /** A play ended, however it ended: hold audio it paused resumes. */
    void playEnded(PlayOperation play) {
        for (ParticipantHold hold : held.values()) {
            hold.playEnded(play);
        }
    }

    /** The participant left the call: their hold ends without an event. */
    public void participantLeft(Identifier participant) {
        ParticipantHold hold = held.remove(participant);
        if (hold != null) {
            hold.endSilently("the participant left");
        }
    }

    /** The call ended: every hold ends without an event. */
    void callEnded() {
        for (ParticipantHold hold : held.values()) {
            hold.endSilently("the call ended");
        }
        held.clear();
    }

    /**
     * Anyone in the call but the asking application itself: another application's leg can be held (the recorded
     * tests hold a user that an application answered).
     */
    private static void requireHoldable(CallConnection connection, Identifier target) {
        MediaTargets.requireInCall(connection.call(), target);
        if (target.equals(connection.identity())) {
            throw new CallActionException(CallError.NOT_SUPPORTED,
                    target.rawId() + " is the asking application's own leg; it cannot put itself on hold.");
        }
    }
}
