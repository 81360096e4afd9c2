package dev.acsemulator.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.api.CallbackUris;
import dev.acsemulator.api.CallerIds;
import dev.acsemulator.api.Operation;
import dev.acsemulator.api.Route;
import dev.acsemulator.api.RouteGroup;
import dev.acsemulator.call.CallConnectionSnapshot;
import dev.acsemulator.call.CallService;
import dev.acsemulator.call.Commands;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.RejectReason;
import dev.acsemulator.call.TransferService;
import dev.acsemulator.call.transcription.Transcription;
import dev.acsemulator.call.transcription.TranscriptionService;
import dev.acsemulator.call.transcription.TranscriptionSettings;
import dev.acsemulator.call.streaming.MediaStream;
import dev.acsemulator.call.streaming.MediaStreamingOptions;
import dev.acsemulator.call.streaming.MediaStreamingService;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** The CallConnection operation group: create, answer, reject, redirect, connect, get, hang up, terminate, transfer. */
public final class CallConnectionHandlers implements RouteGroup {

    private static final String CALLS = "/calling/callConnections";
    private static final String CALL = CALLS + "/{callConnectionId}";
    private static final String PROPERTIES = "CallConnectionProperties";
    /**
     * Options of CreateCall, AnswerCall and Connect whose effect is not built: loopback audio, which only feeds a
     * media stream the application's own audio. The previews' names of the streaming and transcription options are
     * read as the current ones ({@link PreviewOptionNames}). {@code callIntelligenceOptions} is not among them: the
     * .NET SDK sends it, empty, on every request (openapi/DEVIATIONS.md 26).
     */
    private static final String[] CALL_MEDIA_OPTIONS = {"enableLoopbackAudio"};
    /** CreateCall's: the same, and a Teams app as the call's source, which the emulator has no identity for. */
    private static final String[] CREATE_CALL_OPTIONS = {"enableLoopbackAudio", "teamsAppSource"};

    private final CallService calls;
    private final TransferService transfers;
    private final CallbackUris callbackUris;
    private final CallerIds callerIds;
    private final TranscriptionService transcriptions;
    private final MediaStreamingService streams;

    public CallConnectionHandlers(CallService calls, TransferService transfers, CallbackUris callbackUris,
                                  CallerIds callerIds, TranscriptionService transcriptions,
                                  MediaStreamingService streams) {
        this.streams = streams;
        this.calls = calls;
        this.transcriptions = transcriptions;
        this.transfers = transfers;
        this.callbackUris = callbackUris;
        this.callerIds = callerIds;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post(CALLS, "CreateCall", 201, this::createCall).withRepeatability()
                        .withBodies("CreateCallRequest", PROPERTIES).withTarget("targets")
                        .withDeviations(1, 7, 25, 26, 27, 30, 51)
                        .withUnbuiltOptions(CREATE_CALL_OPTIONS),
                Route.post(CALLS + ":answer", "AnswerCall", 200, this::answer).withRepeatability()
                        .withBodies("AnswerCallRequest", PROPERTIES).withDeviations(1, 6, 26, 30, 51)
                        .withUnbuiltOptions(CALL_MEDIA_OPTIONS),
                Route.post(CALLS + ":redirect", "RedirectCall", 204, this::redirect).withRepeatability()
                        .withBodies("RedirectCallRequest", null).withTarget("target").withDeviations(6),
                Route.post(CALLS + ":reject", "RejectCall", 204, this::reject).withRepeatability()
                        .withBodies("RejectCallRequest", null).withDeviations(6, 7),
                Route.post(CALLS + ":connect", "Connect", 200, this::connect).withRepeatability()
                        .withBodies("ConnectRequest", PROPERTIES).withDeviations(1, 7, 22, 26, 30, 51)
                        .withUnbuiltOptions(CALL_MEDIA_OPTIONS),
                Route.get(CALL, "CallConnection_GetCall", 200, this::get).withBodies(null, PROPERTIES)
                        .withDeviations(51),
                Route.delete(CALL, "CallConnection_HangupCall", 204, this::hangUp),
                Route.post(CALL + ":terminate", "CallConnection_TerminateCall", 204, this::terminate)
                        .withRepeatability(),
                Route.post(CALL + ":transferToParticipant", "CallConnection_TransferToParticipant", 202,
                        this::transfer).withRepeatability()
                        .withBodies("TransferToParticipantRequest", "TransferCallResponse")
                        .withTarget("targetParticipant").withDeviations(1, 6, 8, 27));
    }

    public CompletionStage<Operation.Result> createCall(Operation.Request request) {
        JsonNode body = request.body();
        List<Identifier> targets = RequestFields.identifiers(body, "targets");
        Identifier callerId = RequestFields.phoneNumber(body, "sourceCallerIdNumber");
        if (targets.stream().anyMatch(Identifier::isPhoneNumber)) {
            if (callerId == null) {
                throw ApiErrors.invalidRequest("sourceCallerIdNumber is required to call a phone number.");
            }
            callerIds.checkOwned(callerId);
        }
        MediaStreamingOptions streaming = MediaStreamingOptionsReader.read(body);
        Commands.CreateCall command = new Commands.CreateCall(targets,
                RequestFields.communicationUser(body, "source"), callerId,
                RequestFields.text(body, "sourceDisplayName"),
                callbackUris.check(RequestFields.text(body, "callbackUri"), true),
                RequestFields.text(body, "operationContext"), request.context().apiVersion(),
                RequestFields.customHeaders(body), RequestFields.cognitiveServicesEndpoint(body));
        TranscriptionSettings transcription = TranscriptionHandlers.settings(body);
        return withStreaming(withTranscription(calls.createCall(command), transcription),
                streaming).thenApply(this::properties);
    }

    public CompletionStage<Operation.Result> answer(Operation.Request request) {
        JsonNode body = request.body();
        MediaStreamingOptions streaming = MediaStreamingOptionsReader.read(body);
        Commands.Answer command = new Commands.Answer(requiredContext(body),
                callbackUris.check(RequestFields.text(body, "callbackUri"), true),
                RequestFields.text(body, "operationContext"), request.context().apiVersion(),
                RequestFields.communicationUser(body, "answeredBy"), RequestFields.cognitiveServicesEndpoint(body));
        TranscriptionSettings transcription = TranscriptionHandlers.settings(body);
        return withStreaming(withTranscription(calls.answer(command), transcription),
                streaming).thenApply(this::properties);
    }

    public CompletionStage<Operation.Result> reject(Operation.Request request) {
        JsonNode body = request.body();
        String reason = RequestFields.text(body, "callRejectReason");
        RejectReason rejectReason;
        try {
            rejectReason = reason == null ? RejectReason.NONE : RejectReason.fromWireName(reason);
        } catch (IllegalArgumentException e) {
            throw ApiErrors.invalidRequest("callRejectReason must be none, busy or forbidden.");
        }
        return calls.reject(new Commands.Reject(requiredContext(body), rejectReason))
                .thenApply(ignored -> Operation.Result.empty());
    }

    public CompletionStage<Operation.Result> redirect(Operation.Request request) {
        JsonNode body = request.body();
        Commands.Redirect command = new Commands.Redirect(requiredContext(body),
                RequestFields.requiredIdentifier(body, "target"), RequestFields.customHeaders(body));
        return calls.redirect(command).thenApply(ignored -> Operation.Result.empty());
    }

    public CompletionStage<Operation.Result> connect(Operation.Request request) {
        JsonNode body = request.body();
        MediaStreamingOptions streaming = MediaStreamingOptionsReader.read(body);
        Commands.Connect command = new Commands.Connect(locator(body.get("callLocator")),
                callbackUris.check(RequestFields.text(body, "callbackUri"), true),
                RequestFields.text(body, "operationContext"), request.context().apiVersion(),
                RequestFields.cognitiveServicesEndpoint(body));
        TranscriptionSettings transcription = TranscriptionHandlers.settings(body);
        return withStreaming(withTranscription(calls.connect(command), transcription),
                streaming).thenApply(this::properties);
    }

    public CompletionStage<Operation.Result> get(Operation.Request request) {
        return calls.get(request.path("callConnectionId")).thenApply(this::properties);
    }

    public CompletionStage<Operation.Result> hangUp(Operation.Request request) {
        return calls.hangUp(request.path("callConnectionId")).thenApply(ignored -> Operation.Result.empty());
    }

    public CompletionStage<Operation.Result> terminate(Operation.Request request) {
        return calls.terminate(request.path("callConnectionId")).thenApply(ignored -> Operation.Result.empty());
    }

    public CompletionStage<Operation.Result> transfer(Operation.Request request) {
        JsonNode body = request.body();
        Identifier target = RequestFields.requiredIdentifier(body, "targetParticipant");
        if (target.isPhoneNumber()) {
            callerIds.checkOwned(RequestFields.phoneNumber(body, "sourceCallerIdNumber"));
        }
        Commands.Transfer command = new Commands.Transfer(request.path("callConnectionId"), target,
                RequestFields.identifier(body, "transferee"), RequestFields.text(body, "operationContext"),
                callbackUris.check(RequestFields.text(body, "operationCallbackUri"), false),
                RequestFields.customHeaders(body));
        return transfers.transfer(command).thenApply(context -> new Operation.Result(
                () -> ResponseBodies.operationContext(context), "TransferCallResponse", null));
    }

    /** The new connection's transcription options (if any) are given to it before the request is answered. */
    private CompletionStage<CallConnectionSnapshot> withTranscription(CompletionStage<CallConnectionSnapshot> created,
                                                                      TranscriptionSettings transcription) {
        if (transcription == null) {
            return created;
        }
        return created.thenCompose(snapshot -> transcriptions.configure(snapshot.callConnectionId(), transcription)
                .thenApply(ignored -> snapshot));
    }

    /** {@code kind} is an extensible enum: read in any case, as the schema accepts it. */
    static Commands.CallLocator locator(JsonNode locator) {
        if (locator == null || !locator.isObject()) {
            throw ApiErrors.invalidRequest("callLocator is required.");
        }
        String kind = locator.path("kind").asText("");
        String serverCallId = locator.path("serverCallId").asText(null);
        String groupCallId = locator.path("groupCallId").asText(null);
        String roomId = locator.path("roomId").asText(null);
        if (("serverCallLocator".equalsIgnoreCase(kind) || kind.isEmpty()) && serverCallId != null) {
            return new Commands.CallLocator(Commands.CallLocator.Kind.SERVER_CALL, serverCallId);
        }
        if (("groupCallLocator".equalsIgnoreCase(kind) || kind.isEmpty()) && groupCallId != null) {
            return new Commands.CallLocator(Commands.CallLocator.Kind.GROUP_CALL, groupCallId);
        }
        if (("roomCallLocator".equalsIgnoreCase(kind) || kind.isEmpty()) && roomId != null) {
            return new Commands.CallLocator(Commands.CallLocator.Kind.ROOM_CALL, roomId);
        }
        throw ApiErrors.invalidRequest("callLocator must name a serverCallId, groupCallId or roomId matching its kind.");
    }

    /** The new connection gets its media streaming options before its answer is written. */
    private CompletionStage<CallConnectionSnapshot> withStreaming(CompletionStage<CallConnectionSnapshot> created,
                                                                  MediaStreamingOptions options) {
        if (options == null) {
            return created;
        }
        return created.thenCompose(snapshot -> streams.configure(snapshot.callConnectionId(), options)
                .thenApply(ignored -> snapshot));
    }

    private static String requiredContext(JsonNode body) {
        String context = RequestFields.text(body, "incomingCallContext");
        if (context == null || context.isBlank()) {
            throw ApiErrors.invalidRequest("incomingCallContext is required.");
        }
        return context;
    }

    /**
     * The connection's properties with its media streaming and transcription subscriptions, when it has them (it was
     * given their options, or transcription was started), as they are when the body is written.
     */
    private Operation.Result properties(CallConnectionSnapshot snapshot) {
        String id = snapshot.callConnectionId();
        return new Operation.Result(() -> ResponseBodies.withSubscriptions(
                ResponseBodies.callConnectionProperties(snapshot),
                streams.stream(id).map(MediaStream::subscription).orElse(null),
                transcriptions.of(id).map(Transcription::subscription).orElse(null)),
                PROPERTIES, snapshot.correlationId());
    }
}
