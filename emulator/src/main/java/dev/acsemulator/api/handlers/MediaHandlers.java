package dev.acsemulator.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.api.CallbackUris;
import dev.acsemulator.api.Operation;
import dev.acsemulator.api.Route;
import dev.acsemulator.api.RouteGroup;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.media.ContinuousDtmfRequest;
import dev.acsemulator.call.media.HoldRequest;
import dev.acsemulator.call.media.MediaService;
import dev.acsemulator.call.media.PlayRequest;
import dev.acsemulator.call.media.PlaySource;
import dev.acsemulator.call.media.SendDtmfTonesRequest;
import dev.acsemulator.call.media.UnholdRequest;
import dev.acsemulator.json.IdentifierModels;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;

/**
 * The CallMedia operation group: play, recognize, cancel all media operations, continuous DTMF, SendDtmfTones, hold
 * and unhold.
 */
public final class MediaHandlers implements RouteGroup {

    private static final String CALL = "/calling/callConnections/{callConnectionId}";

    private final MediaService media;
    private final CallbackUris callbackUris;

    public MediaHandlers(MediaService media, CallbackUris callbackUris) {
        this.media = media;
        this.callbackUris = callbackUris;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post(CALL + ":play", "CallMedia_Play", 202, this::play)
                        .withBodies("PlayRequest", null).withTarget("playTo").withDeviations(30),
                Route.post(CALL + ":cancelAllMediaOperations", "CallMedia_CancelAllMediaOperations", 202,
                        this::cancelAll),
                Route.post(CALL + ":recognize", "CallMedia_Recognize", 202, this::recognize)
                        .withBodies("RecognizeRequest", null).withTarget("recognizeOptions.targetParticipant")
                        .withDeviations(34, 35, 36)
                        .withUnbuiltOptions("recognizeOptions.speechLanguages",
                                "recognizeOptions.enableSentimentAnalysis"),
                Route.post(CALL + ":startContinuousDtmfRecognition", "CallMedia_StartContinuousDtmfRecognition", 200,
                        this::startContinuousDtmf).withBodies("ContinuousDtmfRecognitionRequest", null)
                        .withTarget("targetParticipant").withDeviations(37),
                Route.post(CALL + ":stopContinuousDtmfRecognition", "CallMedia_StopContinuousDtmfRecognition", 200,
                        this::stopContinuousDtmf).withBodies("ContinuousDtmfRecognitionRequest", null)
                        .withTarget("targetParticipant").withDeviations(37),
                Route.post(CALL + ":sendDtmfTones", "CallMedia_SendDtmfTones", 202, this::sendDtmfTones)
                        .withRepeatability().withBodies("SendDtmfTonesRequest", "SendDtmfTonesResult")
                        .withTarget("targetParticipant").withDeviations(37),
                Route.post(CALL + ":hold", "CallMedia_Hold", 200, this::hold)
                        .withBodies("HoldRequest", null).withTarget("targetParticipant").withDeviations(38),
                Route.post(CALL + ":unhold", "CallMedia_Unhold", 200, this::unhold)
                        .withBodies("UnholdRequest", null).withTarget("targetParticipant").withDeviations(38),
                Route.post(CALL + ":startHoldMusic", "CallMedia_StartHoldMusic", 200, this::startHoldMusic)
                        .withBodies("HoldRequest", null).withTarget("targetParticipant").withDeviations(38, 45),
                Route.post(CALL + ":stopHoldMusic", "CallMedia_StopHoldMusic", 200, this::unhold)
                        .withBodies("UnholdRequest", null).withTarget("targetParticipant").withDeviations(38, 45),
                Route.post(CALL + ":sendDtmf", "CallMedia_SendDtmf", 202, this::sendDtmf)
                        .withBodies("SendDtmfTonesRequest", null).withTarget("targetParticipant")
                        .withDeviations(37, 45),
                Route.post(CALL + ":interruptAudioAndAnnounce", "CallMedia_InterruptAudioAndAnnounce", 202,
                        this::interruptAudioAndAnnounce).withBodies("InterruptAudioAndAnnounceRequest", null)
                        .withTarget("playTo").withDeviations(38, 45));
    }

    public CompletionStage<Operation.Result> play(Operation.Request request) {
        JsonNode body = request.body();
        JsonNode options = body.path("playOptions");
        PlayRequest play = new PlayRequest(request.path("callConnectionId"), sources(body.get("playSources")),
                playTo(body.get("playTo")), options.path("loop").asBoolean(false),
                body.path("interruptCallMediaOperation").asBoolean(false),
                RequestFields.text(body, "operationContext"),
                callbackUris.check(RequestFields.text(body, "operationCallbackUri"), false),
                body.path("interruptHoldAudio").asBoolean(false));
        return media.play(play).thenApply(ignored -> Operation.Result.empty());
    }

    public CompletionStage<Operation.Result> recognize(Operation.Request request) {
        JsonNode body = request.body();
        return media.recognize(RecognizeRequests.read(request.path("callConnectionId"), body,
                callbackUris.check(RequestFields.text(body, "operationCallbackUri"), false)))
                .thenApply(ignored -> Operation.Result.empty());
    }

    public CompletionStage<Operation.Result> hold(Operation.Request request) {
        JsonNode body = request.body();
        JsonNode audio = body.get("playSourceInfo");
        HoldRequest hold = new HoldRequest(request.path("callConnectionId"), RequestFields.requiredIdentifier(body, "targetParticipant"),
                audio == null || audio.isNull() ? null : source(audio, "playSourceInfo"),
                RequestFields.text(body, "operationContext"),
                callbackUris.check(RequestFields.text(body, "operationCallbackUri"), false));
        return media.hold(hold).thenApply(ignored -> Operation.Result.empty());
    }

    public CompletionStage<Operation.Result> unhold(Operation.Request request) {
        JsonNode body = request.body();
        UnholdRequest unhold = new UnholdRequest(request.path("callConnectionId"), RequestFields.requiredIdentifier(body, "targetParticipant"),
                RequestFields.text(body, "operationContext"),
                callbackUris.check(RequestFields.text(body, "operationCallbackUri"), false));
        return media.unhold(unhold).thenApply(ignored -> Operation.Result.empty());
    }

    public CompletionStage<Operation.Result> cancelAll(Operation.Request request) {
        return media.cancelAll(request.path("callConnectionId")).thenApply(ignored -> Operation.Result.empty());
    }

    public CompletionStage<Operation.Result> startContinuousDtmf(Operation.Request request) {
        return media.startContinuousDtmf(continuousDtmf(request)).thenApply(ignored -> Operation.Result.empty());
    }

    public CompletionStage<Operation.Result> stopContinuousDtmf(Operation.Request request) {
        return media.stopContinuousDtmf(continuousDtmf(request)).thenApply(ignored -> Operation.Result.empty());
    }

    public CompletionStage<Operation.Result> sendDtmfTones(Operation.Request request) {
        SendDtmfTonesRequest send = sendDtmfTonesRequest(request);
        return media.sendDtmfTones(send).thenApply(ignored -> new Operation.Result(
                () -> ResponseBodies.operationContext(send.operationContext()), "SendDtmfTonesResult", null));
    }

    /** CallMedia_SendDtmf, SendDtmfTones' name in the 2023 previews: the same request, answered without a body. */
    public CompletionStage<Operation.Result> sendDtmf(Operation.Request request) {
        return media.sendDtmfTones(sendDtmfTonesRequest(request)).thenApply(ignored -> Operation.Result.empty());
    }

    private SendDtmfTonesRequest sendDtmfTonesRequest(Operation.Request request) {
        JsonNode body = request.body();
        return new SendDtmfTonesRequest(request.path("callConnectionId"),
                DtmfTones.read(body.get("tones")), RequestFields.requiredIdentifier(body, "targetParticipant"),
                RequestFields.text(body, "operationContext"),
                callbackUris.check(RequestFields.text(body, "operationCallbackUri"), false));
    }

    /**
     * CallMedia_StartHoldMusic, Hold's name in the 2023-10-03 and 2024-09-01 previews: a hold with {@code
     * playSourceInfo} as its hold audio. Its {@code loop} (true unless given) is the only way hold audio plays, so
     * {@code "loop": false} answers 501.
     */
    public CompletionStage<Operation.Result> startHoldMusic(Operation.Request request) {
        if (request.body().path("loop").isBoolean() && !request.body().path("loop").asBoolean()) {
            throw ApiErrors.optionNotImplemented("CallMedia_StartHoldMusic", "loop");
        }
        return hold(request);
    }

    /**
     * CallMedia_InterruptAudioAndAnnounce (2024-09-01-preview): {@code playSources} played to the one participant of
     * {@code playTo}, pausing their hold audio while it plays: a play with {@code interruptHoldAudio}.
     */
    public CompletionStage<Operation.Result> interruptAudioAndAnnounce(Operation.Request request) {
        JsonNode body = request.body();
        PlayRequest play = new PlayRequest(request.path("callConnectionId"), sources(body.get("playSources")),
                playTo(JsonNodeFactory.instance.arrayNode().add(body.get("playTo"))), false, false,
                RequestFields.text(body, "operationContext"), null, true);
        return media.play(play).thenApply(ignored -> Operation.Result.empty());
    }

    private ContinuousDtmfRequest continuousDtmf(Operation.Request request) {
        JsonNode body = request.body();
        return new ContinuousDtmfRequest(request.path("callConnectionId"),
                RequestFields.requiredIdentifier(body, "targetParticipant"),
                RequestFields.text(body, "operationContext"),
                callbackUris.check(RequestFields.text(body, "operationCallbackUri"), false));
    }

    private static List<PlaySource> sources(JsonNode array) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw ApiErrors.invalidRequest("playSources must list at least one play source.");
        }
        List<PlaySource> sources = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            sources.add(source(array.get(i), "playSources[" + i + "]"));
        }
        return sources;
    }

    static PlaySource source(JsonNode node, String where) {
        String cacheId = RequestFields.text(node, "playSourceCacheId");
        String kind = node.path("kind").asText("").toLowerCase(Locale.ROOT);
        switch (kind) {
            case "file" -> {
                String uri = node.path("file").path("uri").asText("");
                return new PlaySource.File(fileUri(uri, where), cacheId);
            }
            case "text" -> {
                JsonNode text = node.path("text");
                if (!text.path("text").isTextual()) {
                    throw ApiErrors.invalidRequest(where + ".text.text is required for a text play source.");
                }
                return new PlaySource.Text(text.path("text").asText(), RequestFields.text(text, "sourceLocale"),
                        RequestFields.text(text, "voiceName"), cacheId);
            }
            case "ssml" -> {
                JsonNode ssml = node.path("ssml");
                if (!ssml.path("ssmlText").isTextual()) {
                    throw ApiErrors.invalidRequest(where + ".ssml.ssmlText is required for an ssml play source.");
                }
                return new PlaySource.Ssml(ssml.path("ssmlText").asText(), cacheId);
            }
            default -> throw ApiErrors.invalidRequest(where + ".kind must be file, text or ssml.");
        }
    }

    private static URI fileUri(String uri, String where) {
        try {
            URI parsed = new URI(uri);
            if (parsed.isAbsolute() && parsed.getHost() != null) {
                return parsed;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw ApiErrors.invalidRequest(where + ".file.uri must be an absolute URL.");
    }

    /** Absent or empty: everyone (the SDKs send {@code "playTo":[]} for PlayToAll). */
    private static List<Identifier> playTo(JsonNode array) {
        if (array == null || array.isNull() || array.isEmpty()) {
            return List.of();
        }
        List<Identifier> targets = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            Identifier identifier = IdentifierModels.read(array.get(i));
            if (identifier == null) {
                throw ApiErrors.invalidRequest("'playTo[" + i + "]' is not a valid communication identifier.");
            }
            targets.add(identifier);
        }
        return targets;
    }
}
