package dev.acsemulator.call.media;

import dev.acsemulator.call.Call;
import dev.acsemulator.call.CallConnection;
import dev.acsemulator.call.ResultInformation;
import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.EventHeader;
import dev.acsemulator.runtime.Lane;

import java.time.Clock;
import java.time.Duration;

/**
 * One SendDtmfTones request on its way through a call (call-automation-behaviour.md §2.16, §2.21), on the call's
 * lane: the target hears the tones one after another, each for {@link #TONE} with {@link #GAP} between two, on the
 * injected clock; then SendDtmfTonesCompleted, or SendDtmfTonesFailed when the target has left the call meanwhile.
 * It runs on a sub-leg, so {@link CallMedia} refuses another send, a play to specific participants or a continuous
 * DTMF start beside it (412/8583). A fault rule that strikes it as it starts ({@link InjectedMediaFailures}) fails
 * it at once with SendDtmfTonesFailed and the rule's result, with no tone sent.
 *
 * <p>The service does not document how long it takes to send; 250 ms per tone and 250 ms between two are the
 * durations of a phone's keypad (openapi/DEVIATIONS.md 37).
 */
public final class SendDtmfTonesOperation {

    /** How long one tone sounds. */
    public static final Duration TONE = Duration.ofMillis(250);
    /** The silence between two tones. */
    public static final Duration GAP = Duration.ofMillis(250);

    private final CallConnection connection;
    private final SendDtmfTonesRequest request;
    private final Clock clock;
    private final CallMedia media;
    private final InjectedMediaFailures failures;
    private SendDtmfState state = SendDtmfState.SENDING;
    private Lane.Cancellable lastToneEnd = Lane.Cancellable.NONE;
    private CallMedia.Hearing hearing;

    SendDtmfTonesOperation(CallConnection connection, SendDtmfTonesRequest request, Clock clock, CallMedia media,
                           InjectedMediaFailures failures) {
        this.failures = failures;
        this.connection = connection;
        this.request = request;
        this.clock = clock;
        this.media = media;
    }

    /** How long {@code tones} tones take to send: each tone, and a gap between two. */
    public static Duration durationOf(int tones) {
        return TONE.multipliedBy(tones).plus(GAP.multipliedBy(Math.max(0, tones - 1)));
    }

    public SendDtmfState state() {
        return state;
    }

    public SendDtmfTonesRequest request() {
        return request;
    }

    CallConnection connection() {
        return connection;
    }

    void start() {
        java.util.Optional<ResultInformation> injected = failures.failureOf(new MediaStart(MediaStart.SEND_DTMF_TONES,
                connection, request.target(), DtmfResults.TARGET_LEFT));
        if (injected.isPresent()) { // no tone is sent: the target hears nothing
            finish(SendDtmfState.FAILED, new CallEvent.SendDtmfTonesFailed(header(injected.get())),
                    "a fault rule failed it");
            return;
        }
        call().journal().record("media", connection.callConnectionId(), "sending " + request.tones().size()
                + " dtmf tones to " + request.target().rawId());
        hearing = media.startHearingTones(this, clock.instant());
        lastToneEnd = call().lane().schedule(durationOf(request.tones().size()), this::sent);
    }

    private void sent() {
        if (state != SendDtmfState.SENDING) {
            return;
        }
        if (call().hasParticipant(request.target())) {
            hearing.stop(clock.instant(), HeardPrompt.Ending.COMPLETED);
            finish(SendDtmfState.COMPLETED, new CallEvent.SendDtmfTonesCompleted(header(DtmfResults.TONES_SENT)),
                    "sent");
        } else {
            hearing.stop(clock.instant(), HeardPrompt.Ending.CUT_OFF);
            finish(SendDtmfState.FAILED, new CallEvent.SendDtmfTonesFailed(header(DtmfResults.TARGET_LEFT)),
                    "the target left the call");
        }
    }

    /** The call or the application's leg ended: the tones stop and, as after CallDisconnected, nothing is sent. */
    void endWithCall() {
        if (state.isFinal()) {
            return;
        }
        lastToneEnd.cancel();
        hearing.stop(clock.instant(), HeardPrompt.Ending.CUT_OFF);
        transitionTo(SendDtmfState.ENDED_WITH_CALL, "the call ended");
        media.finished(this);
    }

    private void finish(SendDtmfState end, CallEvent event, String cause) {
        transitionTo(end, cause);
        if (connection.isActive()) {
            call().emit(event);
        }
        media.finished(this);
    }

    private void transitionTo(SendDtmfState target, String cause) {
        state = MediaTransitions.move(call(), connection.callConnectionId(), "send dtmf", state, target,
                target.legalPredecessors(), cause);
    }

    private EventHeader header(ResultInformation result) {
        return call().header(connection, request.operationContext(), request.operationCallbackUri(), result);
    }

    private Call call() {
        return connection.call();
    }
}
