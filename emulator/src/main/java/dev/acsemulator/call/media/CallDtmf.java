package dev.acsemulator.call.media;

import dev.acsemulator.call.CallConnection;
import dev.acsemulator.call.Identifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The continuous DTMF recognitions and the DTMF send of one call, part of its {@link CallMedia}, on the call's lane.
 * A recognition is one application's (connection's) of one participant: starting it again while it runs changes
 * nothing, and stopping one that does not run is accepted without an event, as the service answered both with 200
 * (azure-sdk-for-net SessionRecords ContinuousRecognitionTest.json: start, start, stop, stop, and one Stopped).
 */
final class CallDtmf {

    private final List<ContinuousDtmfRecognition> recognitions = new ArrayList<>(1);
    private SendDtmfTonesOperation sending;

    /** Starts a recognition, or answers the one of this connection and target that already runs. */
    ContinuousDtmfRecognition start(CallConnection connection, ContinuousDtmfRequest request) {
        ContinuousDtmfRecognition running = find(connection, request.target());
        if (running != null) {
            connection.call().journal().record("media", connection.callConnectionId(),
                    "continuous dtmf recognition of " + request.target().rawId() + " already running");
            return running;
        }
        ContinuousDtmfRecognition recognition = new ContinuousDtmfRecognition(connection, request);
        recognitions.add(recognition);
        recognition.start();
        return recognition;
    }

    /** Stops this connection's recognition of the target; false, and no event, when none runs. */
    boolean stop(CallConnection connection, ContinuousDtmfRequest request) {
        ContinuousDtmfRecognition running = find(connection, request.target());
        if (running == null) {
            connection.call().journal().record("media", connection.callConnectionId(),
                    "no continuous dtmf recognition of " + request.target().rawId() + " to stop");
            return false;
        }
        recognitions.remove(running);
        running.stop(request);
        return true;
    }

    SendDtmfTonesOperation send(SendDtmfTonesOperation send) {
        sending = send;
        send.start();
        return send;
    }

    boolean isSending() {
        return sending != null;
    }

    Optional<SendDtmfTonesOperation> sending() {
        return Optional.ofNullable(sending);
    }

    List<ContinuousDtmfRecognition> recognitions() {
        return List.copyOf(recognitions);
    }

    void finished(SendDtmfTonesOperation send) {
        if (sending == send) {
            sending = null;
        }
    }

    /** The call ended: every recognition sends Stopped (before CallDisconnected); a send stops without an event. */
    void callEnded() {
        List<ContinuousDtmfRecognition> all = List.copyOf(recognitions);
        recognitions.clear();
        for (ContinuousDtmfRecognition recognition : all) {
            recognition.endWithCall();
        }
        if (sending != null) {
            sending.endWithCall();
        }
    }

    /** One application's leg ended: its recognitions and its send stop without an event; the others' go on. */
    void connectionEnded(CallConnection connection) {
        for (ContinuousDtmfRecognition recognition : List.copyOf(recognitions)) {
            if (recognition.connection() == connection) {
                recognitions.remove(recognition);
                recognition.endWithConnection();
            }
        }
        if (sending != null && sending.connection() == connection) {
            sending.endWithCall();
        }
    }

    private ContinuousDtmfRecognition find(CallConnection connection, Identifier target) {
        for (ContinuousDtmfRecognition recognition : recognitions) {
            if (recognition.connection() == connection && recognition.target().rawId().equals(target.rawId())) {
                return recognition;
            }
        }
        return null;
    }
}
