package dev.acsemulator.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.api.CallbackUris;
import dev.acsemulator.api.Operation;
import dev.acsemulator.api.Route;
import dev.acsemulator.api.RouteGroup;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.recording.RecordingListing;
import dev.acsemulator.call.recording.RecordingOptions;
import dev.acsemulator.call.recording.RecordingService;
import dev.acsemulator.call.recording.RecordingSnapshot;
import dev.acsemulator.call.recording.StartRecording;
import dev.acsemulator.json.IdentifierModels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The CallRecording operation group: start, get, pause, resume and stop a call's recording, and get the result (the
 * file) of a stopped one.
 */
public final class RecordingHandlers implements RouteGroup {

    private static final String START = "CallRecording_StartRecording";
    private static final String RECORDING = "/calling/recordings/{recordingId}";
    private static final String RESPONSE = "RecordingStateResponse";

    private final RecordingService recordings;
    private final CallbackUris callbackUris;
    private final Supplier<String> objectsBaseUrl;

    /** @param objectsBaseUrl where recording files are served, as RecordingFileStatusUpdated names them */
    public RecordingHandlers(RecordingService recordings, CallbackUris callbackUris, Supplier<String> objectsBaseUrl) {
        this.recordings = recordings;
        this.callbackUris = callbackUris;
        this.objectsBaseUrl = objectsBaseUrl;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/calling/recordings", START, 200, this::start).withRepeatability()
                        .withBodies("StartCallRecordingRequest", RESPONSE).withDeviations(41),
                Route.get(RECORDING, "CallRecording_GetRecordingProperties", 200, this::get)
                        .withBodies(null, RESPONSE),
                Route.post(RECORDING + ":pause", "CallRecording_PauseRecording", 202, this::pause),
                Route.post(RECORDING + ":resume", "CallRecording_ResumeRecording", 202, this::resume),
                Route.delete(RECORDING, "CallRecording_StopRecording", 204, this::stop),
                Route.get(RECORDING + "/result", "CallRecording_GetRecordingResult", 200, this::result)
                        .withDeviations(50));
    }

    public CompletionStage<Operation.Result> start(Operation.Request request) {
        JsonNode body = request.body();
        JsonNode locator = body.get("callLocator");
        String callConnectionId = RequestFields.text(body, "callConnectionId");
        boolean byLocator = locator != null && !locator.isNull();
        if (byLocator == (callConnectionId != null)) {
            throw ApiErrors.invalidRequest("Exactly one of callLocator or callConnectionId must be given.");
        }
        String channel = oneOf(body, "recordingChannelType", "mixed", "mixed", "unmixed");
        String content = oneOf(body, "recordingContentType", "audio", "audio", "audioVideo");
        RecordingOptions options = new RecordingOptions(
                content,
                channel,
                format(body, channel, content),
                channelAffinity(body.get("channelAffinity")),
                RequestFields.optionalIdentifiers(body, "audioChannelParticipantOrdering"),
                callbackUris.check(RequestFields.text(body, "recordingStateCallbackUri"), false),
                body.path("pauseOnStart").asBoolean(false),
                externalStorage(body.get("externalStorage")));
        StartRecording command = new StartRecording(
                byLocator ? CallConnectionHandlers.locator(locator) : null, callConnectionId, options);
        return recordings.start(command).thenApply(RecordingHandlers::state);
    }

    public CompletionStage<Operation.Result> get(Operation.Request request) {
        return recordings.get(request.path("recordingId")).thenApply(RecordingHandlers::state);
    }

    public CompletionStage<Operation.Result> pause(Operation.Request request) {
        return recordings.pause(request.path("recordingId")).thenApply(ignored -> Operation.Result.empty());
    }

    public CompletionStage<Operation.Result> resume(Operation.Request request) {
        return recordings.resume(request.path("recordingId")).thenApply(ignored -> Operation.Result.empty());
    }

    public CompletionStage<Operation.Result> stop(Operation.Request request) {
        return recordings.stop(request.path("recordingId")).thenApply(ignored -> Operation.Result.empty());
    }

    /**
     * The recording's result in the shape of the preview spec's RecordingResultResponse (no held spec has it, so the
     * body is not validated): its one chunk, its start, length and end reason, and when its file expires.
     */
    public CompletionStage<Operation.Result> result(Operation.Request request) {
        return recordings.result(request.path("recordingId")).thenApply(result -> new Operation.Result(() -> {
            RecordingListing file = result.file();
            String object = objectsBaseUrl.get() + "v1/objects/" + file.documentId();
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("recordingId", file.recordingId());
            node.putObject("recordingStorageInfo").putArray("recordingChunks").addObject()
                    .put("documentId", file.documentId())
                    .put("index", 0)
                    .put("endReason", "sessionEnded")
                    .put("contentLocation", object + "/content/" + file.contentName())
                    .put("metadataLocation", object + "/content/acsmetadata")
                    .put("deleteLocation", object);
            node.putArray("errors");
            node.put("recordingStartTime", file.startTime().toString());
            node.put("recordingDurationMs", file.duration().toMillis());
            node.put("sessionEndReason", lowerCamel(file.sessionEndReason()));
            node.put("recordingExpirationTime", result.expiresAt().toString());
            return node;
        }, null, null));
    }

    /** {@code CallEnded} as the preview spec's CallSessionEndReason spells it: {@code callEnded}. */
    private static String lowerCamel(String pascal) {
        return Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    }

    private static Operation.Result state(RecordingSnapshot snapshot) {
        return new Operation.Result(() -> {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("recordingId", snapshot.recordingId());
            node.put("recordingState", snapshot.recordingState());
            node.put("recordingKind", snapshot.recordingKind());
            return node;
        }, RESPONSE, null);
    }

    /**
     * {@code recordingFormatType}: WAV (the emulator's default for audio, DEVIATIONS 41) or MP3 for a mixed audio
     * recording, MP4 (the default there) for an audio-video one; the service writes unmixed recordings as WAV only, so
     * an unmixed MP3 or audio-video recording is refused with 400, as is a format that does not hold the content.
     */
    private static String format(JsonNode body, String channel, String content) {
        boolean video = content.equals("audioVideo");
        String value = oneOf(body, "recordingFormatType", video ? "mp4" : "wav", "wav", "mp3", "mp4");
        if (channel.equals("unmixed") && !value.equals("wav")) {
            throw ApiErrors.invalidRequest("An unmixed recording is written as WAV audio only: 'recordingFormatType' "
                    + value + (video ? " and 'recordingContentType' audioVideo need" : " needs")
                    + " 'recordingChannelType' mixed.");
        }
        if (video != value.equals("mp4")) {
            throw ApiErrors.invalidRequest(video
                    ? "An audio-video recording is written as MP4: 'recordingFormatType' " + value + " needs "
                            + "'recordingContentType' audio."
                    : "'recordingFormatType' mp4 needs 'recordingContentType' audioVideo.");
        }
        return value;
    }

    /** An extensible enum, read in any case; the schema has already refused what is not a string. */
    private static String oneOf(JsonNode body, String field, String fallback, String... values) {
        String value = RequestFields.text(body, field);
        if (value == null) {
            return fallback;
        }
        for (String allowed : values) {
            if (allowed.equalsIgnoreCase(value)) {
                return allowed;
            }
        }
        throw ApiErrors.invalidRequest("'" + field + "' must be one of " + String.join(", ", values) + ".");
    }

    private static List<RecordingOptions.ChannelAffinity> channelAffinity(JsonNode array) {
        List<RecordingOptions.ChannelAffinity> affinity = new ArrayList<>();
        if (array == null || array.isNull()) {
            return affinity;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode entry = array.get(i);
            Identifier participant = IdentifierModels.read(entry.path("participant"));
            if (participant == null) {
                throw ApiErrors.invalidRequest("'channelAffinity[" + i + "].participant' is not a valid "
                        + "communication identifier.");
            }
            JsonNode channel = entry.get("channel");
            affinity.add(new RecordingOptions.ChannelAffinity(participant,
                    channel == null || channel.isNull() ? null : channel.asInt()));
        }
        return affinity;
    }

    private static RecordingOptions.ExternalStorage externalStorage(JsonNode storage) {
        if (storage == null || storage.isNull()) {
            return null;
        }
        return new RecordingOptions.ExternalStorage(storage.path("recordingStorageKind").asText("")
                .toLowerCase(Locale.ROOT), RequestFields.text(storage, "recordingDestinationContainerUrl"));
    }
}
