package dev.acsemulator.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.call.recording.RecordedSession;
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
        for (RecordingStore.StoredRecording stored : store.list()) {
            RecordedSession session = stored.session();
            ObjectNode node = recordings.addObject()
                    .put("documentId", session.documentId())
                    .put("recordingId", session.recordingId())
                    .put("serverCallId", session.serverCallId())
                    .put("startTime", session.start().toString())
                    .put("durationMs", session.duration().toMillis())
                    .put("channelType", session.options().channel())
                    .put("channels", stored.audio().channels())
                    .put("bytes", stored.audio().size())
                    .put("storedAt", stored.storedAt().toString())
                    .put("contentPath", "/v1/objects/" + session.documentId() + "/content/audio");
            ArrayNode participants = node.putArray("participants");
            session.channels().forEach(participant -> participants.add(participant.rawId()));
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("recordings", recordings);
        return CompletableFuture.completedFuture(CallTasks.ok(body));
    }

    CompletionStage<HttpResponseMessage> delete(AdminTask.Request request) {
        String documentId = request.path("documentId");
        if (!store.delete(documentId)) {
            throw ApiErrors.adminNotFound("No recording file " + documentId + ".");
        }
        return CompletableFuture.completedFuture(HttpResponseMessage.empty(204));
    }
}
