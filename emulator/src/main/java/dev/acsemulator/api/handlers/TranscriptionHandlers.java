package dev.acsemulator.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.api.CallbackUris;
import dev.acsemulator.api.Operation;
import dev.acsemulator.api.Route;
import dev.acsemulator.api.RouteGroup;
import dev.acsemulator.call.transcription.TranscriptionLocales;
import dev.acsemulator.call.transcription.TranscriptionRequest;
import dev.acsemulator.call.transcription.TranscriptionService;
import dev.acsemulator.call.transcription.TranscriptionSettings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;

/**
 * Real-time transcription: CallMedia_StartTranscription, _UpdateTranscription, _StopTranscription and (2026-03-12)
 * _SummarizeCall; and the reading of {@code transcriptionOptions} for CreateCall, AnswerCall and Connect.
 */
public final class TranscriptionHandlers implements RouteGroup {

    private static final String CALL = "/calling/callConnections/{callConnectionId}";
    /** The 2026-03-12 insights options whose effect is not built (sentiment, PII redaction, language detection). */
    private static final String[] INSIGHTS = {"piiRedactionOptions", "enableSentimentAnalysis", "locales",
            "summarizationOptions"};

    private final TranscriptionService transcriptions;
    private final CallbackUris callbackUris;

    public TranscriptionHandlers(TranscriptionService transcriptions, CallbackUris callbackUris) {
        this.transcriptions = transcriptions;
        this.callbackUris = callbackUris;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post(CALL + ":startTranscription", "CallMedia_StartTranscription", 202, this::start)
                        .withBodies("StartTranscriptionRequest", null).withDeviations(47).withUnbuiltOptions(INSIGHTS),
                Route.post(CALL + ":updateTranscription", "CallMedia_UpdateTranscription", 202, this::update)
                        .withBodies("UpdateTranscriptionRequest", null).withDeviations(47).withUnbuiltOptions(INSIGHTS),
                Route.post(CALL + ":stopTranscription", "CallMedia_StopTranscription", 202, this::stop)
                        .withBodies("StopTranscriptionRequest", null).withDeviations(47),
                Route.post(CALL + ":summarizeCall", "CallMedia_SummarizeCall", 202, this::summarize)
                        .withBodies("SummarizeCallRequest", null).withDeviations(47)
                        .withUnbuiltOptions("summarizationOptions.enableEndCallSummary"));
    }

    public CompletionStage<Operation.Result> start(Operation.Request request) {
        return transcriptions.start(request(request, request.body().path("locale")))
                .thenApply(ignored -> Operation.Result.empty());
    }

    public CompletionStage<Operation.Result> update(Operation.Request request) {
        return transcriptions.update(request(request, request.body().path("locale")))
                .thenApply(ignored -> Operation.Result.empty());
    }

    public CompletionStage<Operation.Result> stop(Operation.Request request) {
        return transcriptions.stop(request(request, null)).thenApply(ignored -> Operation.Result.empty());
    }

    public CompletionStage<Operation.Result> summarize(Operation.Request request) {
        return transcriptions.summarize(request(request, request.body().path("summarizationOptions").path("locale")))
                .thenApply(ignored -> Operation.Result.empty());
    }

    private TranscriptionRequest request(Operation.Request request, JsonNode locale) {
        JsonNode body = request.body();
        return new TranscriptionRequest(request.path("callConnectionId"),
                locale == null || !locale.isTextual() ? null : supportedLocale(locale.asText()),
                RequestFields.text(body, "speechModelEndpointId"), RequestFields.text(body, "operationContext"),
                callbackUris.check(RequestFields.text(body, "operationCallbackUri"), false));
    }

    /**
     * The {@code transcriptionOptions} of CreateCall, AnswerCall or Connect, checked before the call is touched;
     * null when the body has none. A transport URL must be an absolute {@code ws}/{@code wss} URL (400/8581,
     * Microsoft Learn: "StreamUrl isn't valid"); a locale, one transcription supports (400/8523).
     */
    public static TranscriptionSettings settings(JsonNode body) {
        PreviewOptionNames.NamedOptions named = PreviewOptionNames.pick(body, "transcriptionOptions",
                PreviewOptionNames.TRANSCRIPTION, "transportUrl", "transportType", "locale", "startTranscription");
        if (named == null) {
            return null;
        }
        JsonNode options = named.options();
        if (named.name().equals(PreviewOptionNames.TRANSCRIPTION)
                && !options.path("transportType").asText("").equalsIgnoreCase("websocket")) {
            throw ApiErrors.invalidRequest(named.field("transportType") + " must be websocket.");
        }
        String transportUrl = RequestFields.text(options, "transportUrl");
        if (transportUrl != null) {
            checkTransportUrl(named.field("transportUrl"), transportUrl);
        }
        String locale = RequestFields.text(options, "locale");
        return new TranscriptionSettings(transportUrl, locale == null ? null : supportedLocale(locale),
                options.path("startTranscription").asBoolean(false),
                options.path("enableIntermediateResults").asBoolean(false),
                RequestFields.text(options, "speechModelEndpointId"));
    }

    private static void checkTransportUrl(String field, String transportUrl) {
        try {
            URI uri = new URI(transportUrl);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("ws") || scheme.equals("wss")) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw ApiErrors.invalidTransportUrl(field, transportUrl);
    }

    private static String supportedLocale(String locale) {
        return TranscriptionLocales.supported(locale).orElseThrow(() -> ApiErrors.invalidRequest(
                "locale '" + locale + "' is not a locale transcription supports."));
    }
}
