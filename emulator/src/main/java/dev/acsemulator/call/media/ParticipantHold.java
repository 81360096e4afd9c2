package dev.acsemulator.call.media;

import dev.acsemulator.call.Call;
import dev.acsemulator.call.CallConnection;
import dev.acsemulator.call.ResultInformation;
import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.EventHeader;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * One participant an application put on hold, and the audio they hear meanwhile (call-automation-behaviour.md
 * §2.12, azure-sdk-for-java playMultipleFileSourcesWhenParticipantOnHoldTest.json): the hold audio is prepared like
 * a play source, then HoldAudioStarted; it loops until unhold, which ends it with HoldAudioCompleted 400/8508; a
 * play with {@code interruptHoldAudio} to the participant pauses it (HoldAudioPaused) and resumes it when it ends
 * (HoldAudioResumed). A source that cannot be played gives HoldFailed with the play failure's result, and the
 * participant stays on hold in silence. The hold audio events go to the connection that asked for the hold.
 */
final class ParticipantHold {

    private final CallConnection holder;
    private final HoldRequest request;
    private final Clock clock;
    private final CallMedia media;
    private HoldAudioState state;
    /** What the participant hears of the hold audio now; null while nothing is heard. */
    private CallMedia.Hearing hearing;
    /** The hold audio's samples once prepared; null for text, SSML or before it is ready. */
    private PcmAudio audio;
    /** The plays with interruptHoldAudio that have paused the audio and not ended yet. */
    private final List<PlayOperation> interruptions = new ArrayList<>(1);
    /** Plays to this participant accepted while they were held: they run on the hold's sub-leg and end with it. */
    private final List<PlayOperation> playsOnHold = new ArrayList<>(1);

    ParticipantHold(CallConnection holder, HoldRequest request, Clock clock, CallMedia media) {
        this.holder = holder;
        this.request = request;
        this.clock = clock;
        this.media = media;
        this.state = request.holdAudio() == null ? HoldAudioState.SILENT : HoldAudioState.PREPARING;
    }

    HoldRequest request() {
        return request;
    }

    HoldAudioState state() {
        return state;
    }

    HeldParticipant view() {
        return new HeldParticipant(request.target(), holder.callConnectionId(), request.operationContext(), state);
    }

    /**
     * Prepares the hold audio off the lane (a file is downloaded), then starts it on the lane. A fault rule that
     * strikes the hold ({@link InjectedMediaFailures}) fails it here as a hold audio failure does: HoldFailed with the
     * rule's result, and the participant stays on hold in silence.
     */
    void startAudio(SourcePreparer preparer, InjectedMediaFailures failures) {
        java.util.Optional<ResultInformation> injected = failures.failureOf(new MediaStart(MediaStart.HOLD, holder,
                request.target(), MediaResults.FILE_FORMAT_INVALID));
        if (injected.isPresent()) {
            transitionTo(HoldAudioState.FAILED, "a fault rule failed the hold");
            emit(new CallEvent.HoldFailed(header(injected.get())));
            return;
        }
        if (state != HoldAudioState.PREPARING) {
            return;
        }
        preparer.prepare(request.holdAudio()).whenComplete((source, failure) ->
                call().lane().execute(() -> prepared(failure == null ? source
                        : PreparedSource.failing(MediaResults.FILE_NOT_DOWNLOADED, String.valueOf(failure)))));
    }

    private void prepared(PreparedSource source) {
        if (state != HoldAudioState.PREPARING) {
            return; // unheld, or the call ended, while the file was on its way
        }
        if (!source.playable()) {
            call().journal().record("media", holder.callConnectionId(),
                    "hold audio for " + request.target().rawId() + " failed: " + source.detail());
            transitionTo(HoldAudioState.FAILED, "source cannot be played");
            emit(new CallEvent.HoldFailed(header(source.failure())));
            return;
        }
        audio = source.audio();
        transitionTo(HoldAudioState.PLAYING, "source ready");
        emit(new CallEvent.HoldAudioStarted(header(MediaResults.COMPLETED)));
        if (interruptions.isEmpty()) {
            startHearing();
        } else {
            pauseNow(); // a play with interruptHoldAudio began while the audio was being prepared
        }
    }

    /** A play to this participant was accepted while they are held. */
    void playAccepted(PlayOperation play) {
        playsOnHold.add(play);
    }

    /** A play with interruptHoldAudio to this participant begins: the hold audio pauses. */
    void interruptedBy(PlayOperation play) {
        interruptions.add(play);
        if (interruptions.size() == 1 && state == HoldAudioState.PLAYING) {
            pauseNow();
        }
    }

    /** A play ended: if it was the last one interrupting, the hold audio resumes. */
    void playEnded(PlayOperation play) {
        playsOnHold.remove(play);
        if (interruptions.remove(play) && interruptions.isEmpty() && state == HoldAudioState.PAUSED) {
            transitionTo(HoldAudioState.PLAYING, "the interrupting play ended");
            emit(new CallEvent.HoldAudioResumed(header(MediaResults.COMPLETED)));
            startHearing();
        }
    }

    /**
     * Unhold: the hold audio ends (HoldAudioCompleted if it had started). Returns the plays that ran on the hold's
     * sub-leg, which end with it.
     */
    List<PlayOperation> unhold() {
        boolean audible = state == HoldAudioState.PLAYING || state == HoldAudioState.PAUSED;
        stopHearing();
        transitionTo(HoldAudioState.COMPLETED, "unhold");
        if (audible) {
            emit(new CallEvent.HoldAudioCompleted(header(MediaResults.HOLD_AUDIO_ENDED_BY_UNHOLD)));
        }
        List<PlayOperation> plays = List.copyOf(playsOnHold);
        playsOnHold.clear();
        interruptions.clear();
        return plays;
    }

    /** The call ended or the participant left: the audio stops without an event. */
    void endSilently(String cause) {
        stopHearing();
        if (!state.isFinal()) {
            transitionTo(HoldAudioState.ENDED, cause);
        }
        playsOnHold.clear();
        interruptions.clear();
    }

    private void pauseNow() {
        stopHearing();
        transitionTo(HoldAudioState.PAUSED, "a play interrupts the hold audio");
        emit(new CallEvent.HoldAudioPaused(header(MediaResults.COMPLETED)));
    }

    private void startHearing() {
        hearing = media.startHearing(holder.callConnectionId(), request.operationContext(), request.holdAudio(), audio,
                request.target(), clock.instant());
    }

    private void stopHearing() {
        if (hearing != null) {
            hearing.stop(clock.instant(), HeardPrompt.Ending.CUT_OFF);
            hearing = null;
        }
    }

    private void transitionTo(HoldAudioState target, String cause) {
        state = MediaTransitions.move(call(), holder.callConnectionId(), "hold audio of " + request.target().rawId(),
                state, target, target.legalPredecessors(), cause);
    }

    private void emit(CallEvent event) {
        if (holder.isActive()) {
            call().emit(event);
        }
    }

    private EventHeader header(ResultInformation result) {
        return call().header(holder, request.operationContext(), request.operationCallbackUri(), result);
    }

    private Call call() {
        return holder.call();
    }
}
