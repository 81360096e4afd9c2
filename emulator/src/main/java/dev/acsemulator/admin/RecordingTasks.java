package dev.acsemulator.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.call.recording.RecordingFile;
import dev.acsemulator.call.recording.RecordingListing;
import dev.acsemulator.call.recording.RecordingStore;
import dev.acsemulator.http.HttpResponseMessage;

import java.util.Map;
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
                    .put("contentPath", "/v1/objects/" + listing.documentId() + "/content/" + listing.contentName());
            ArrayNode participants = node.putArray("participants");
            listing.participants().forEach(participants::add);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("recordings", recordings);
        return CompletableFuture.completedFuture(CallTasks.ok(body));
    }

    /**
     * A recording file's audio with the control API's token, for a browser that holds no access key to sign the
     * content API's request; read on the store's file executor. A file over 2 GiB is refused rather than truncated.
     */
    CompletionStage<HttpResponseMessage> content(AdminTask.Request request) {
        String documentId = request.path("documentId");
        return store.onFiles(() -> {
            RecordingFile file = store.find(documentId).orElseThrow(() ->
                    ApiErrors.adminNotFound("No recording file " + documentId + "."));
            long size = file.content().size();
            if (size > Integer.MAX_VALUE - 8) {
                throw ApiErrors.adminBadRequest("The recording file " + documentId + " is too large to download "
                        + "whole here; read it by range from the content API.");
            }
            return new HttpResponseMessage(200, Map.of("Content-Type", file.listing().contentType(),
                    "Content-Disposition", "attachment; filename=\"" + documentId + "." + file.listing().format()
                            + "\""), file.content().read(0, (int) size));
        });
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
