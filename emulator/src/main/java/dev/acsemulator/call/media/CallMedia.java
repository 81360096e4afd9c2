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
 * <p>Plays and recognizes queue behind each other (call-automation-behaviour.md §2.21): one runs at a time, the next
 * starts when it ends. {@code interruptCallMediaOperation} barges in: the running and the queued operations end with
 * PlayCanceled or RecognizeCanceled and the new one starts at once. A play to specific participants runs on a sub-leg, and while one is playing or queued
 * another play to specific participants is refused with 412/8583 (§2.21's compatibility table); a play to everyone is
 * always allowed.
 */
public final class CallMedia {

    /** Prompts remembered per call; beyond it the oldest are dropped, so a looping call cannot grow without end. */
    static final int HEARD_REMEMBERED = 1000;

    private MediaOperation playing;
    private final Deque<MediaOperation> queued = new ArrayDeque<>();
    private final Deque<Hearing> heard = new ArrayDeque<>();
    /** Recognizes per target person, so a scripted person answers the n-th one with their n-th answer. */
    private final java.util.Map<Identifier, Integer> recognizeCounts = new java.util.HashMap<>(2);
    /** Continuous DTMF recognitions and the DTMF send (call-automation-behaviour.md §2.15, §2.16). */
    private final CallDtmf dtmf = new CallDtmf();
    /** The participants applications put on hold, and their hold audio. */
    private final CallHolds holds = new CallHolds();
    /** Told of every sound a participant starts hearing (a recording of the call). */
    private List<SoundWatcher> watchers = List.of();

    /** Accepts a play: it starts now, or waits for the plays before it, or barges them with interrupt. */
    public PlayOperation play(CallConnection connection, PlayRequest request, SourcePreparer preparer,
                              java.time.Clock clock, InjectedMediaFailures failures) {
        if (request.isToSpecificParticipants() && !request.interruptCallMediaOperation() && subLegBusy()) {
            throw new CallActionException(CallError.MEDIA_PRECONDITION_FAILED,
                    "A play to specific participants is already running or queued on this call.");
        }
        PlayOperation play = new PlayOperation(connection, request, preparer, clock, this, failures);
        holds.playAccepted(play);
        take(play, request.interruptCallMediaOperation());
        return play;
    }

    /**
     * Accepts a recognize: in a group call it runs on a sub-leg and is refused beside another sub-leg operation
     * (412/8583); a second recognize of the same participant is a parallel conflicting action (409/8519); otherwise
     * it takes its turn like a play, or barges in with interrupt.
     */
    public RecognizeOperation recognize(CallConnection connection, RecognizeRequest request, SourcePreparer preparer,
                                        java.time.Clock clock, PromptedPeople people,
                                        InjectedMediaFailures failures) {
        Identifier target = request.targetParticipant();
        boolean onSubLeg = connection.call().isGroup();
        if (!request.interruptCallMediaOperation()) {
            if (onSubLeg && subLegBusy()) {
                throw new CallActionException(CallError.MEDIA_PRECONDITION_FAILED,
                        "A play to specific participants or a recognize is already running or queued on a sub-leg.");
            }
            if (recognizing(target)) {
                throw new CallActionException(CallError.MEDIA_CONFLICT,
                        "A recognize of " + target.rawId() + " is already running or queued.");
            }
        }
        int ordinal = recognizeCounts.merge(target, 1, Integer::sum);
        RecognizeOperation recognize = new RecognizeOperation(connection, request, preparer, clock, this, people,
                onSubLeg, ordinal, failures);
        take(recognize, request.interruptCallMediaOperation());
        return recognize;
    }

    private void take(MediaOperation operation, boolean interrupt) {
        if (interrupt) {
            cancelAll();
        }
        if (playing == null) {
            playing = operation;
            operation.start();
        } else {
            queued.add(operation);
        }
    }

    /**
     * CancelAllMediaOperations: the running operation, then the queued ones in order, end with PlayCanceled or
     * RecognizeCanceled.
     */
    public int cancelAll() {
        List<MediaOperation> all = operations();
        queued.clear();
        playing = null; // so the cancelled operation's finishing does not start the next one
        for (MediaOperation operation : all) {
            operation.cancel();
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
                                                java.time.Clock clock, InjectedMediaFailures failures) {
        requireSubLegFree();
        return dtmf.send(new SendDtmfTonesOperation(connection, request, clock, this, failures));
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
        List<MediaOperation> all = operations();
        queued.clear();
        playing = null;
        for (MediaOperation operation : all) {
            operation.endWithCall();
        }
        holds.callEnded();
    }

    /** One application's leg ended: its operations stop without an event; the others' go on. */
    public void connectionEnded(CallConnection connection) {
        dtmf.connectionEnded(connection);
        for (MediaOperation operation : List.copyOf(queued)) {
            if (operation.connection() == connection) {
                operation.endWithCall(); // leaves the queue through finished()
            }
        }
        if (playing != null && playing.connection() == connection) {
            playing.endWithCall(); // the next play, another application's, starts
        }
    }

    /** Hold / Unhold: puts a participant on hold, with hold audio when the request has one. */
    public void hold(CallConnection connection, HoldRequest request, SourcePreparer preparer, java.time.Clock clock,
                     InjectedMediaFailures failures) {
        holds.hold(connection, request, preparer, clock, this, failures);
    }

    public void unhold(CallConnection connection, UnholdRequest request) {
        holds.unhold(connection, request);
    }

    /** Who is on hold in this call. */
    public CallHolds holds() {
        return holds;
    }

    /** The operations not yet ended, the playing one first. */
    public List<MediaOperation> operations() {
        List<MediaOperation> all = new ArrayList<>(queued.size() + 1);
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

    void finished(MediaOperation play) {
        if (playing == play) {
            playing = queued.poll();
            if (playing != null) {
                playing.start();
            }
        } else {
            queued.remove(play);
        }
    }

    /** Starts telling {@code watcher} of each sound heard from now on; the returned handle stops it. */
    public dev.acsemulator.runtime.Lane.Cancellable watch(SoundWatcher watcher) {
        List<SoundWatcher> more = new ArrayList<>(watchers);
        more.add(watcher);
        watchers = more;
        return () -> {
            List<SoundWatcher> fewer = new ArrayList<>(watchers);
            fewer.remove(watcher);
            watchers = fewer;
        };
    }

    /** What participants are hearing now: the sounds started before and not stopped yet. */
    public List<HeardSound> sounding() {
        List<HeardSound> now = new ArrayList<>(2);
        for (Hearing hearing : heard) {
            if (hearing.end().isEmpty()) {
                now.add(hearing);
            }
        }
        return now;
    }

    List<Hearing> startHearing(MediaOperation play, int index, PlaySource source, PcmAudio audio,
                               List<Identifier> listeners, Instant now) {
        List<Hearing> started = new ArrayList<>(listeners.size());
        for (Identifier listener : listeners) {
            Hearing hearing = new Hearing(listener, play.connection().callConnectionId(),
                    play.operationContext(), index, source, now).sounding(audio, false);
            remember(hearing);
            started.add(hearing);
        }
        return started;
    }

    /** One participant starts hearing a source outside a play (hold audio, repeated until it stops). */
    Hearing startHearing(String callConnectionId, String operationContext, PlaySource source, PcmAudio audio,
                         Identifier listener, Instant now) {
        Hearing hearing = new Hearing(listener, callConnectionId, operationContext, 0, source, now)
                .sounding(audio, true);
        remember(hearing);
        return hearing;
    }

    private void remember(Hearing hearing) {
        for (SoundWatcher watcher : watchers) {
            watcher.started(hearing);
        }
        heard.add(hearing);
        while (heard.size() > HEARD_REMEMBERED) {
            heard.poll();
        }
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
        hearing.tones = List.copyOf(send.request().tones());
        remember(hearing);
        return hearing;
    }

    private void requireSubLegFree() {
        if (subLegBusy()) {
            throw new CallActionException(CallError.MEDIA_PRECONDITION_FAILED,
                    "A media operation on a sub-leg (a play to specific participants, a group call's recognize or a DTMF send) is running.");
        }
    }

    private boolean subLegBusy() {
        if (dtmf.isSending()) {
            return true;
        }
        for (MediaOperation operation : operations()) {
            if (operation.onSubLeg()) {
                return true;
            }
        }
        return false;
    }

    private boolean recognizing(Identifier target) {
        for (MediaOperation operation : operations()) {
            if (operation instanceof RecognizeOperation recognize
                    && recognize.request().targetParticipant().equals(target)) {
                return true;
            }
        }
        return false;
    }

    /** One participant hearing one source; ended once. */
    static final class Hearing implements HeardSound {
        private final Identifier listener;
        private final String callConnectionId;
        private final String operationContext;
        private final int sourceIndex;
        private final String kind;
        private final String content;
        private final Instant start;
        private Instant end;
        private HeardPrompt.Ending ending = HeardPrompt.Ending.PLAYING;
        private PcmAudio audio;
        private boolean looping;
        private List<DtmfTone> tones = List.of();

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

        /** Its samples (null for text and SSML), repeated until it stops when {@code looping}. */
        Hearing sounding(PcmAudio samples, boolean repeated) {
            this.audio = samples;
            this.looping = repeated;
            return this;
        }

        @Override
        public Identifier listener() {
            return listener;
        }

        @Override
        public Instant start() {
            return start;
        }

        @Override
        public java.util.Optional<Instant> end() {
            return java.util.Optional.ofNullable(end);
        }

        @Override
        public PcmAudio audio() {
            return audio;
        }

        @Override
        public boolean looping() {
            return looping;
        }

        @Override
        public List<DtmfTone> tones() {
            return tones;
        }

        /** Stops each of {@code hearings}; returns the empty list that replaces them. */
        static List<Hearing> stopAll(List<Hearing> hearings, Instant at, HeardPrompt.Ending how) {
            for (Hearing hearing : hearings) {
                hearing.stop(at, how);
            }
            return List.of();
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
