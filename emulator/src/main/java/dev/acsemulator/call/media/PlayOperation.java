package dev.acsemulator.call.media;

import dev.acsemulator.call.Call;
import dev.acsemulator.call.CallConnection;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.ResultInformation;
import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.EventHeader;
import dev.acsemulator.runtime.Lane;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One play request on its way through a call (call-automation-behaviour.md §2.13, §2.22), on the call's lane:
 * <ol>
 *   <li>its turn comes ({@link CallMedia} queues plays behind plays); a play to specific participants puts them on
 *       hold (ParticipantsUpdated isOnHold true on every leg);</li>
 *   <li>every source is prepared (files downloaded off the lane, texts measured);</li>
 *   <li>a first source that cannot be played fails the play with no PlayStarted (N-PLAYFAIL); otherwise PlayStarted
 *       (and, at the api-versions of {@link PlayStartedPerSource}, another as each later source begins), then each
 *       source is heard for exactly its duration on the injected clock, in order; a later source that
 *       cannot be played fails the play with its index when its turn comes (J-REC: PlayStarted, then PlayFailed with
 *       failedPlaySourceIndex 1);</li>
 *   <li>after the last source: again from the first with {@code loop}, else PlayCompleted; the hold is cleared after
 *       PlayCompleted, PlayFailed or PlayCanceled.</li>
 * </ol>
 * A fault rule that strikes it when its turn comes ({@link InjectedMediaFailures}) fails it at once with PlayFailed
 * (index 0) and the rule's result, before anyone is held or anything is fetched.
 */
public final class PlayOperation implements MediaOperation {

    private final CallConnection connection;
    private final PlayRequest request;
    private final SourcePreparer preparer;
    private final Clock clock;
    private final CallMedia media;
    private final InjectedMediaFailures failures;
    private PlayState state = PlayState.QUEUED;
    private List<PreparedSource> prepared = List.of();
    private Lane.Cancellable sourceEnd = Lane.Cancellable.NONE;
    /** What the participants are hearing now: one entry per listener of the source playing. */
    private List<CallMedia.Hearing> hearing = List.of();
    private boolean holding;
    /** The sources are being heard again from the first ({@code loop}). */
    private boolean repeating;

    PlayOperation(CallConnection connection, PlayRequest request, SourcePreparer preparer, Clock clock,
                  CallMedia media, InjectedMediaFailures failures) {
        this.failures = failures;
        this.connection = connection;
        this.request = request;
        this.preparer = preparer;
        this.clock = clock;
        this.media = media;
    }

    public PlayState state() {
        return state;
    }

    public PlayRequest request() {
        return request;
    }

    @Override
    public CallConnection connection() {
        return connection;
    }

    @Override
    public String kind() {
        return "play";
    }

    @Override
    public String stateName() {
        return state.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String operationContext() {
        return request.operationContext();
    }

    @Override
    public boolean onSubLeg() {
        return request.isToSpecificParticipants();
    }

    /** Its turn came: hold the participants it plays to, prepare its sources, then play. */
    @Override
    public void start() {
        transitionTo(PlayState.PREPARING, "its turn came");
        Identifier target = request.isToSpecificParticipants() ? request.playTo().get(0) : null;
        java.util.Optional<ResultInformation> injected = failures.failureOf(new MediaStart(MediaStart.PLAY, connection,
                target, MediaResults.FILE_FORMAT_INVALID));
        if (injected.isPresent()) {
            finish(PlayState.FAILED, new CallEvent.PlayFailed(header(injected.get()), 0), "a fault rule failed it");
            return;
        }
        if (request.isToSpecificParticipants()) {
            holding = true;
            call().holdForMedia(media.holds().notHeld(request.playTo()), true);
        }
        preparer.prepareAll(request.sources(), call().lane(), this::prepared);
    }

    private void prepared(List<PreparedSource> sources) {
        if (state != PlayState.PREPARING) {
            return; // cancelled, barged or ended while its files were on their way
        }
        prepared = sources;
        if (!sources.get(0).playable()) {
            fail(0);
            return;
        }
        transitionTo(PlayState.PLAYING, "sources ready");
        media.holds().playStarting(this);
        emit(new CallEvent.PlayStarted(header(MediaResults.COMPLETED)));
        play(0);
    }

    private void play(int index) {
        PreparedSource source = prepared.get(index);
        if (!source.playable()) {
            fail(index);
            return;
        }
        if (index > 0 && !repeating && PlayStartedPerSource.at(connection.apiVersion())) {
            emit(new CallEvent.PlayStarted(header(MediaResults.COMPLETED)));
        }
        PlaySource played = request.sources().get(index);
        hearing = media.startHearing(this, index, played, source.audio(), listeners(), clock.instant());
        sourceEnd = call().lane().schedule(source.duration(), () -> heardToTheEnd(index));
    }

    private void heardToTheEnd(int index) {
        if (state != PlayState.PLAYING) {
            return;
        }
        stopHearing(HeardPrompt.Ending.COMPLETED);
        if (index + 1 < prepared.size()) {
            play(index + 1);
        } else if (request.loop() && !totalDuration().isZero()) {
            repeating = true;
            play(0);
        } else {
            finish(PlayState.COMPLETED, new CallEvent.PlayCompleted(header(MediaResults.COMPLETED)), "played");
        }
    }

    private void fail(int index) {
        PreparedSource source = prepared.get(index);
        call().journal().record("media", connection.callConnectionId(),
                "play source " + index + " failed: " + source.detail());
        finish(PlayState.FAILED, new CallEvent.PlayFailed(header(source.failure()), index), "source " + index);
    }

    /** CancelAllMediaOperations or a barge-in: PlayCanceled, whatever it was doing. */
    @Override
    public void cancel() {
        if (state.isFinal()) {
            return;
        }
        sourceEnd.cancel();
        stopHearing(HeardPrompt.Ending.CUT_OFF);
        finish(PlayState.CANCELED, new CallEvent.PlayCanceled(header(MediaResults.CANCELED)), "canceled");
    }

    /** The call or the application's leg ended: the audio stops and, as after CallDisconnected, nothing is sent. */
    @Override
    public void endWithCall() {
        if (state.isFinal()) {
            return;
        }
        sourceEnd.cancel();
        stopHearing(HeardPrompt.Ending.CUT_OFF);
        transitionTo(PlayState.ENDED_WITH_CALL, "the call ended");
        media.holds().playEnded(this);
        if (holding && !call().isEnded()) {
            holding = false; // the application's leg left a call that goes on: its sub-leg lets the others go
            call().holdForMedia(media.holds().notHeld(request.playTo()), false);
        }
        media.finished(this);
    }

    private void finish(PlayState end, CallEvent event, String cause) {
        transitionTo(end, cause);
        media.holds().playEnded(this); // HoldAudioResumed comes before PlayCompleted (J-REC, 2025-07)
        emit(event);
        if (holding) {
            holding = false;
            call().holdForMedia(media.holds().notHeld(request.playTo()), false);
        }
        media.finished(this);
    }

    private void stopHearing(HeardPrompt.Ending ending) {
        hearing = CallMedia.Hearing.stopAll(hearing, clock.instant(), ending);
    }

    /**
     * Who hears it: the participants named, or everyone in the call but the application that plays it and the
     * participants on hold (they are on a sub-leg, away from the main leg everyone hears).
     */
    private List<Identifier> listeners() {
        if (request.isToSpecificParticipants()) {
            return request.playTo();
        }
        List<Identifier> everyone = new ArrayList<>(media.holds().notHeld(call().participantIdentifiers()));
        everyone.remove(connection.identity());
        return everyone;
    }

    private Duration totalDuration() {
        Duration total = Duration.ZERO;
        for (PreparedSource source : prepared) {
            total = total.plus(source.duration());
        }
        return total;
    }

    private void transitionTo(PlayState target, String cause) {
        state = MediaTransitions.move(call(), connection.callConnectionId(), "play", state, target,
                target.legalPredecessors(), cause);
    }

    private void emit(CallEvent event) {
        if (connection.isActive()) {
            call().emit(event);
        }
    }

    private EventHeader header(ResultInformation result) {
        return call().header(connection, request.operationContext(), request.operationCallbackUri(), result);
    }

    private Call call() {
        return connection.call();
    }
}
