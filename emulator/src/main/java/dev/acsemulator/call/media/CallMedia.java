package dev.acsemulator.call.media;

import dev.acsemulator.call.CallActionException;
import dev.acsemulator.call.CallConnection;
import dev.acsemulator.call.CallError;
import dev.acsemulator.call.Identifier;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The media operations of one call and what its participants heard; lives on the call's lane.
 *
 * <p>Plays queue behind plays (call-automation-behaviour.md §2.21): one plays at a time, the next starts when it
 * ends. {@code interruptCallMediaOperation} barges in: the playing and the queued plays end with PlayCanceled and the
 * new one starts at once. A play to specific participants runs on a sub-leg, and while one is playing or queued
 * another play to specific participants is refused with 412/8583 (§2.21's compatibility table); a play to everyone is
 * always allowed.
 */
public final class CallMedia {

    /** Prompts remembered per call; beyond it the oldest are dropped, so a looping call cannot grow without end. */
    static final int HEARD_REMEMBERED = 1000;

    private PlayOperation playing;
    private final Deque<PlayOperation> queued = new ArrayDeque<>();
    private final Deque<Hearing> heard = new ArrayDeque<>();
    /** The participants applications put on hold, and their hold audio. */
    private final CallHolds holds = new CallHolds();

    /** Accepts a play: it starts now, or waits for the plays before it, or barges them with interrupt. */
    public PlayOperation play(CallConnection connection, PlayRequest request, SourcePreparer preparer,
                              java.time.Clock clock) {
        if (request.isToSpecificParticipants() && !request.interruptCallMediaOperation() && subLegBusy()) {
            throw new CallActionException(CallError.MEDIA_PRECONDITION_FAILED,
                    "A play to specific participants is already running or queued on this call.");
        }
        PlayOperation play = new PlayOperation(connection, request, preparer, clock, this);
        holds.playAccepted(play);
        if (request.interruptCallMediaOperation()) {
            cancelAll();
        }
        if (playing == null) {
            playing = play;
            play.start();
        } else {
            queued.add(play);
        }
        return play;
    }

    /** CancelAllMediaOperations: the playing play, then the queued ones in order, end with PlayCanceled. */
    public int cancelAll() {
        List<PlayOperation> all = operations();
        queued.clear();
        playing = null; // so the cancelled play's finishing does not start the next one
        for (PlayOperation play : all) {
            play.cancel();
        }
        return all.size();
    }

    /** The call ended: every operation stops without an event. */
    public void callEnded() {
        List<PlayOperation> all = operations();
        queued.clear();
        playing = null;
        for (PlayOperation play : all) {
            play.endWithCall();
        }
        holds.callEnded();
    }

    /** One application's leg ended: its operations stop without an event; the others' go on. */
    public void connectionEnded(CallConnection connection) {
        for (PlayOperation play : List.copyOf(queued)) {
            if (play.connection() == connection) {
                play.endWithCall(); // leaves the queue through finished()
            }
        }
        if (playing != null && playing.connection() == connection) {
            playing.endWithCall(); // the next play, another application's, starts
        }
    }

    /** Hold / Unhold: puts a participant on hold, with hold audio when the request has one. */
    public void hold(CallConnection connection, HoldRequest request, SourcePreparer preparer, java.time.Clock clock) {
        holds.hold(connection, request, preparer, clock, this);
    }

    public void unhold(CallConnection connection, UnholdRequest request) {
        holds.unhold(connection, request);
    }

    /** Who is on hold in this call. */
    public CallHolds holds() {
        return holds;
    }

    /** The operations not yet ended, the playing one first. */
    public List<PlayOperation> operations() {
        List<PlayOperation> all = new ArrayList<>(queued.size() + 1);
        if (playing != null) {
            all.add(playing);
        }
        all.addAll(queued);
        return all;
    }

    /** Everything played to participants of this call, oldest first. */
    public List<HeardPrompt> heard() {
        List<HeardPrompt> prompts = new ArrayList<>(heard.size());
        for (Hearing hearing : heard) {
            prompts.add(hearing.snapshot());
        }
        return prompts;
    }

    void finished(PlayOperation play) {
        if (playing == play) {
            playing = queued.poll();
            if (playing != null) {
                playing.start();
            }
        } else {
            queued.remove(play);
        }
    }

    List<Hearing> startHearing(PlayOperation play, int index, PlaySource source, List<Identifier> listeners,
                               Instant now) {
        List<Hearing> started = new ArrayList<>(listeners.size());
        for (Identifier listener : listeners) {
            Hearing hearing = new Hearing(listener, play.connection().callConnectionId(),
                    play.request().operationContext(), index, source, now);
            remember(hearing);
            started.add(hearing);
        }
        return started;
    }

    /** One participant starts hearing a source outside a play (hold audio). */
    Hearing startHearing(String callConnectionId, String operationContext, PlaySource source, Identifier listener,
                         Instant now) {
        Hearing hearing = new Hearing(listener, callConnectionId, operationContext, 0, source, now);
        remember(hearing);
        return hearing;
    }

    private void remember(Hearing hearing) {
        heard.add(hearing);
        while (heard.size() > HEARD_REMEMBERED) {
            heard.poll();
        }
    }

    private boolean subLegBusy() {
        for (PlayOperation play : operations()) {
            if (play.request().isToSpecificParticipants()) {
                return true;
            }
        }
        return false;
    }

    /** One participant hearing one source; ended once. */
    static final class Hearing {
        private final Identifier listener;
        private final String callConnectionId;
        private final String operationContext;
        private final int sourceIndex;
        private final PlaySource source;
        private final Instant start;
        private Instant end;
        private HeardPrompt.Ending ending = HeardPrompt.Ending.PLAYING;

        Hearing(Identifier listener, String callConnectionId, String operationContext, int sourceIndex,
                PlaySource source, Instant start) {
            this.listener = listener;
            this.callConnectionId = callConnectionId;
            this.operationContext = operationContext;
            this.sourceIndex = sourceIndex;
            this.source = source;
            this.start = start;
        }

        void stop(Instant at, HeardPrompt.Ending how) {
            if (ending == HeardPrompt.Ending.PLAYING) {
                end = at;
                ending = how;
            }
        }

        HeardPrompt snapshot() {
            return new HeardPrompt(listener, callConnectionId, operationContext, sourceIndex, source.kind(),
                    source.content(), start, end, ending);
        }
    }
}
