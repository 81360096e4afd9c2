package dev.acsemulator.call.media;

import dev.acsemulator.call.Call;
import dev.acsemulator.call.CallConnection;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.ResultInformation;
import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.EventHeader;
import dev.acsemulator.runtime.Lane;


/**
 * One application's continuous DTMF recognition of one participant (call-automation-behaviour.md §2.15), on the
 * call's lane: from its start, every key the target presses is a ContinuousDtmfRecognitionToneReceived with the next
 * {@code sequenceId} (1 for the first key of this recognition) and the start's operationContext, in the order pressed,
 * until StopContinuousDtmfRecognition or the end of the call sends ContinuousDtmfRecognitionStopped. It runs beside
 * plays, recognizes and sends (§2.21: starting it is always allowed beside them); keys pressed by others are not its
 * concern.
 */
public final class ContinuousDtmfRecognition {

    private final CallConnection connection;
    private final ContinuousDtmfRequest request;
    private ContinuousDtmfState state = ContinuousDtmfState.LISTENING;
    private int lastSequenceId;
    private Lane.Cancellable listening = Lane.Cancellable.NONE;

    ContinuousDtmfRecognition(CallConnection connection, ContinuousDtmfRequest request) {
        this.connection = connection;
        this.request = request;
    }

    public ContinuousDtmfState state() {
        return state;
    }

    public ContinuousDtmfRequest request() {
        return request;
    }

    public Identifier target() {
        return request.target();
    }

    CallConnection connection() {
        return connection;
    }

    void start() {
        call().journal().record("media", connection.callConnectionId(),
                "continuous dtmf recognition of " + request.target().rawId() + " started");
        listening = call().listen(this::heard);
    }

    private void heard(Identifier person, PersonInput input) {
        if (state != ContinuousDtmfState.LISTENING || !person.rawId().equals(request.target().rawId())) {
            return;
        }
        input.match(keys -> {
            for (DtmfTone tone : keys.tones()) {
                lastSequenceId++;
                emit(new CallEvent.ContinuousDtmfRecognitionToneReceived(
                        header(request.operationContext(), request.operationCallbackUri(), DtmfResults.TONE_RECEIVED),
                        lastSequenceId, tone.wireName()));
            }
            return null;
        }, speech -> null);
    }

    /** StopContinuousDtmfRecognition: Stopped, carrying the stop request's operationContext. */
    void stop(ContinuousDtmfRequest stop) {
        end(ContinuousDtmfState.STOPPED, "stopped");
        emit(new CallEvent.ContinuousDtmfRecognitionStopped(
                header(stop.operationContext(), stop.operationCallbackUri(), DtmfResults.RECOGNITION_STOPPED)));
    }

    /** The call ended: Stopped before the connection's CallDisconnected (D-MEDIA: "or because the call has ended"). */
    void endWithCall() {
        end(ContinuousDtmfState.STOPPED, "the call ended");
        emit(new CallEvent.ContinuousDtmfRecognitionStopped(
                header(request.operationContext(), request.operationCallbackUri(), DtmfResults.RECOGNITION_STOPPED)));
    }

    /** The application's leg ended while the call goes on: it stops without an event (none after CallDisconnected). */
    void endWithConnection() {
        end(ContinuousDtmfState.ENDED_WITH_CONNECTION, "the connection ended");
    }

    private void end(ContinuousDtmfState target, String cause) {
        transitionTo(target, cause);
        listening.cancel();
        listening = Lane.Cancellable.NONE;
    }

    private void transitionTo(ContinuousDtmfState target, String cause) {
        state = MediaTransitions.move(call(), connection.callConnectionId(),
                "continuous dtmf recognition of " + request.target().rawId(), state, target,
                target.legalPredecessors(), cause);
    }

    private void emit(CallEvent event) {
        if (connection.isActive()) {
            call().emit(event);
        }
    }

    private EventHeader header(String operationContext, String operationCallbackUri, ResultInformation result) {
        return call().header(connection, operationContext, operationCallbackUri, result);
    }

    private Call call() {
        return connection.call();
    }
}
