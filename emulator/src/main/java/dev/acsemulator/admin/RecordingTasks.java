package dev.acsemulator.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.call.recording.RecordingListing;
import dev.acsemulator.call.recording.RecordingStore;
import dev.acsemulator.http.HttpResponseMessage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The recording files the emulator holds: list them, delete one. */
final class RecordingTasks {

    private final RecordingStore store;

    RecordingTasks(RecordingStore store) {
        this.store = store;
    }

    CompletionStage<HttpResponseMessage> list(AdminTask.Request request) {
        ArrayNode recordings = JsonNodeFactory.instance.arrayNode();
        for (RecordingListing listing : store.list()) {
            ObjectNode node = recordings.addObject()
                    .put("documentId", listing.documentId())
                    .put("recordingId", listing.recordingId())
                    .put("serverCallId", listing.serverCallId())
                    .put("startTime", listing.startTime().toString())
                    .put("durationMs", listing.duration().toMillis())
                    .put("channelType", listing.channelType())
                    .put("format", listing.format())
                    .put("channels", listing.channels())
                    .put("bytes", listing.bytes())
                    .put("storedAt", listing.storedAt().toString())
                    .put("contentPath", "/v1/objects/" + listing.documentId() + "/content/audio");
            ArrayNode participants = node.putArray("participants");
            listing.participants().forEach(participants::add);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("recordings", recordings);
        return CompletableFuture.completedFuture(CallTasks.ok(body));
    }

    CompletionStage<HttpResponseMessage> delete(AdminTask.Request request) {
        String documentId = request.path("documentId");
        return store.delete(documentId).thenApply(deleted -> {
            if (!deleted) {
                throw ApiErrors.adminNotFound("No recording file " + documentId + ".");
            }
            return HttpResponseMessage.empty(204);
        });
    }
}
