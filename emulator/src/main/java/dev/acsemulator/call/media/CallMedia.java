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
    /** Continuous DTMF recognitions and the DTMF send (call-automation-behaviour.md §2.15, §2.16). */
    private final CallDtmf dtmf = new CallDtmf();

    /** Accepts a play: it starts now, or waits for the plays before it, or barges them with interrupt. */
    public PlayOperation play(CallConnection connection, PlayRequest request, SourcePreparer preparer,
                              java.time.Clock clock) {
        if (request.isToSpecificParticipants() && !request.interruptCallMediaOperation() && subLegBusy()) {
            throw new CallActionException(CallError.MEDIA_PRECONDITION_FAILED,
                    "A play to specific participants is already running or queued on this call.");
        }
        PlayOperation play = new PlayOperation(connection, request, preparer, clock, this);
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

    /**
     * StartContinuousDtmfRecognition: always allowed beside other operations, but not started beside one on a
     * sub-leg (§2.21: a play to specific participants or a send refuses it with 412/8583).
     */
    public ContinuousDtmfRecognition startContinuousDtmf(CallConnection connection, ContinuousDtmfRequest request) {
        requireSubLegFree();
        return dtmf.start(connection, request);
    }

    /** StopContinuousDtmfRecognition: true when a recognition was running and sent Stopped. */
    public boolean stopContinuousDtmf(CallConnection connection, ContinuousDtmfRequest request) {
        return dtmf.stop(connection, request);
    }

    /** SendDtmfTones: runs on a sub-leg, so not beside another send or a play to specific participants (§2.21). */
    public SendDtmfTonesOperation sendDtmfTones(CallConnection connection, SendDtmfTonesRequest request,
                                                java.time.Clock clock) {
        requireSubLegFree();
        return dtmf.send(new SendDtmfTonesOperation(connection, request, clock, this));
    }

    /** The continuous DTMF recognitions running on this call. */
    public List<ContinuousDtmfRecognition> continuousDtmfRecognitions() {
        return dtmf.recognitions();
    }

    /** The DTMF send under way on this call, if any (one at a time: it runs on a sub-leg). */
    public java.util.Optional<SendDtmfTonesOperation> dtmfSend() {
        return dtmf.sending();
    }

    /** The call ended: every operation stops without an event. */
    public void callEnded() {
        dtmf.callEnded();
        List<PlayOperation> all = operations();
        queued.clear();
        playing = null;
        for (PlayOperation play : all) {
            play.endWithCall();
        }
    }

    /** One application's leg ended: its operations stop without an event; the others' go on. */
    public void connectionEnded(CallConnection connection) {
        dtmf.connectionEnded(connection);
        for (PlayOperation play : List.copyOf(queued)) {
            if (play.connection() == connection) {
                play.endWithCall(); // leaves the queue through finished()
            }
        }
        if (playing != null && playing.connection() == connection) {
            playing.endWithCall(); // the next play, another application's, starts
        }
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
            heard.add(hearing);
            started.add(hearing);
        }
        while (heard.size() > HEARD_REMEMBERED) {
            heard.poll();
        }
        return started;
    }

    void finished(SendDtmfTonesOperation send) {
        dtmf.finished(send);
    }

    /** The target of a send hears its tones as one line of what it heard, of kind {@code dtmf}. */
    Hearing startHearingTones(SendDtmfTonesOperation send, Instant now) {
        StringBuilder tones = new StringBuilder();
        for (DtmfTone tone : send.request().tones()) {
            tones.append(tones.length() == 0 ? "" : ",").append(tone.wireName());
        }
        Hearing hearing = new Hearing(send.request().target(), send.connection().callConnectionId(),
                send.request().operationContext(), 0, HeardPrompt.DTMF, tones.toString(), now);
        heard.add(hearing);
        while (heard.size() > HEARD_REMEMBERED) {
            heard.poll();
        }
        return hearing;
    }

    private void requireSubLegFree() {
        if (subLegBusy()) {
            throw new CallActionException(CallError.MEDIA_PRECONDITION_FAILED,
                    "A media operation on a sub-leg (a play to specific participants or a DTMF send) is running.");
        }
    }

    private boolean subLegBusy() {
        if (dtmf.isSending()) {
            return true;
        }
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
        private final String kind;
        private final String content;
        private final Instant start;
        private Instant end;
        private HeardPrompt.Ending ending = HeardPrompt.Ending.PLAYING;

        Hearing(Identifier listener, String callConnectionId, String operationContext, int sourceIndex,
                PlaySource source, Instant start) {
            this(listener, callConnectionId, operationContext, sourceIndex, source.kind(), source.content(), start);
        }

        Hearing(Identifier listener, String callConnectionId, String operationContext, int sourceIndex, String kind,
                String content, Instant start) {
            this.listener = listener;
            this.callConnectionId = callConnectionId;
            this.operationContext = operationContext;
            this.sourceIndex = sourceIndex;
            this.kind = kind;
            this.content = content;
            this.start = start;
        }

        void stop(Instant at, HeardPrompt.Ending how) {
            if (ending == HeardPrompt.Ending.PLAYING) {
                end = at;
                ending = how;
            }
        }

        HeardPrompt snapshot() {
            return new HeardPrompt(listener, callConnectionId, operationContext, sourceIndex, kind, content, start,
                    end, ending);
        }
    }
}
