package dev.acsemulator.call.transcription;

import dev.acsemulator.call.CallActionException;
import dev.acsemulator.call.CallConnection;
import dev.acsemulator.call.CallError;
import dev.acsemulator.call.CallRegistry;
import dev.acsemulator.call.CallService;
import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.TranscriptionUpdate;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CallMedia_StartTranscription, _UpdateTranscription, _StopTranscription and (2026-03-12) _SummarizeCall, and the
 * {@code transcriptionOptions} of CreateCall, AnswerCall and Connect (docs/side-channels.md B,
 * call-automation-behaviour.md §2.18). Each runs on the call's lane, on an established connection, and answers as
 * soon as it is accepted; the outcome arrives as events. Transcriptions are forgotten with their call.
 */
public final class TranscriptionService {

    private final CallService calls;
    private final TranscriptSockets sockets;
    private final Clock clock;
    private final Map<String, Transcription> byConnection = new ConcurrentHashMap<>();

    public TranscriptionService(CallService calls, CallRegistry registry, TranscriptSockets sockets, Clock clock) {
        this.calls = calls;
        this.sockets = sockets;
        this.clock = clock;
        registry.whenForgotten(serverCallId -> byConnection.values()
                .removeIf(transcription -> transcription.connection().call().serverCallId().equals(serverCallId)));
    }

    /**
     * A connection was opened with {@code transcriptionOptions}: they are kept for its StartTranscription, and with
     * {@code startTranscription} transcription starts as soon as the connection is connected.
     */
    public CompletableFuture<Void> configure(String callConnectionId, TranscriptionSettings settings) {
        return calls.onConnection(callConnectionId, connection -> {
            Transcription transcription = new Transcription(connection, settings, sockets, clock);
            byConnection.put(callConnectionId, transcription);
            if (settings.startTranscription()) {
                connection.whenConnected(() -> transcription.start(new TranscriptionRequest(callConnectionId,
                        null, null, null, null)));
            }
            return null;
        });
    }

    /**
     * StartTranscription. Without the call's Azure AI services link the request itself is refused, 405/8522, as Play's
     * text is (Microsoft's real-time transcription error table); {@code startTranscription} at setup has no request to
     * refuse, so there it ends in TranscriptionFailed.
     */
    public CompletableFuture<Void> start(TranscriptionRequest request) {
        return calls.onEstablishedConnection(request.callConnectionId(), connection -> {
            if (connection.cognitiveServicesEndpoint() == null) {
                throw new CallActionException(CallError.AI_SERVICES_NOT_LINKED, "Transcription is done by Azure AI"
                        + " services, and the call was set up without callIntelligenceOptions.cognitiveServicesEndpoint.");
            }
            transcription(connection).start(request);
            return null;
        });
    }

    public CompletableFuture<Void> update(TranscriptionRequest request) {
        return calls.onEstablishedConnection(request.callConnectionId(), connection -> {
            transcription(connection).update(request);
            return null;
        });
    }

    public CompletableFuture<Void> stop(TranscriptionRequest request) {
        return calls.onEstablishedConnection(request.callConnectionId(), connection -> {
            transcription(connection).stop(request);
            return null;
        });
    }

    /**
     * SummarizeCall (2026-03-12): TranscriptionCallSummaryUpdated with {@link CallSummary} of the connection's
     * transcript as its {@code transcriptionMessage}, or {@code callSummaryFailure} when there is nothing to
     * summarize or no Azure AI services resource to summarize with. {@code locale}, if given, must be one
     * transcription supports.
     */
    public CompletableFuture<Void> summarize(TranscriptionRequest request) {
        return calls.onEstablishedConnection(request.callConnectionId(), connection -> {
            if (request.locale() != null) {
                Transcription.supportedLocale(request.locale());
            }
            List<TranscriptLine> transcript = byConnection.containsKey(connection.callConnectionId())
                    ? byConnection.get(connection.callConnectionId()).transcript() : List.of();
            TranscriptionUpdate update;
            if (connection.cognitiveServicesEndpoint() == null) {
                update = new TranscriptionUpdate("callSummaryUpdated", "callSummaryFailure",
                        "The call has no cognitiveServicesEndpoint to summarize with.");
            } else if (transcript.isEmpty()) {
                update = new TranscriptionUpdate("callSummaryUpdated", "callSummaryFailure",
                        "Nothing was transcribed in this call yet.");
            } else {
                update = new TranscriptionUpdate("callSummaryUpdated", "callSummarySuccess",
                        CallSummary.of(transcript));
            }
            connection.call().lane().execute(() -> connection.call().emit(new CallEvent.TranscriptionCallSummaryUpdated(
                    connection.call().header(connection, request.operationContext(), request.operationCallbackUri(),
                            update.transcriptionStatusDetails().equals("callSummarySuccess")
                                    ? TranscriptionResults.COMPLETED : TranscriptionResults.SUMMARY_FAILED),
                    update)));
            return null;
        });
    }

    /** The connection's transcription; one without transcriptionOptions has no transport and fails when started. */
    private Transcription transcription(CallConnection connection) {
        return byConnection.computeIfAbsent(connection.callConnectionId(),
                id -> new Transcription(connection, null, sockets, clock));
    }

    /** The transcription of a connection, if it has one (the control API, tests). */
    public java.util.Optional<Transcription> of(String callConnectionId) {
        return java.util.Optional.ofNullable(byConnection.get(callConnectionId));
    }
}
