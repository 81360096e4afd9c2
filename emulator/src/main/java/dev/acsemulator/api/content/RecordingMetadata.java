package dev.acsemulator.api.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.recording.RecordedAudio;
import dev.acsemulator.call.recording.RecordedSession;

import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;

/**
 * The metadata file of a recording chunk (side-channels.md C2): who was recorded on which channel, when the chunk
 * started, how long it is, its pauses, and its audio format. {@code contentType} and {@code channelType} carry the
 * documented meanings (one older capture of the service had them swapped).
 */
public final class RecordingMetadata {

    private final ObjectMapper mapper;
    private final String resourceId;

    public RecordingMetadata(ObjectMapper mapper, String resourceId) {
        this.mapper = mapper;
        this.resourceId = resourceId;
    }

    public byte[] json(RecordedSession session) {
        ObjectNode root = mapper.createObjectNode();
        root.put("resourceId", resourceId);
        root.put("callId", session.correlationId());
        root.put("chunkDocumentId", session.documentId());
        root.put("chunkIndex", 0);
        root.put("chunkStartTime", DateTimeFormatter.ISO_INSTANT.format(session.start()));
        root.put("chunkDuration", session.duration().toMillis());
        ArrayNode pauses = root.putArray("pauseResumeIntervals");
        for (RecordedSession.Segment pause : session.pauses()) {
            pauses.addObject().put("startTime", DateTimeFormatter.ISO_INSTANT.format(pause.start()))
                    .put("duration", pause.length().toMillis());
        }
        ObjectNode info = root.putObject("recordingInfo");
        info.put("contentType", session.options().content());
        info.put("channelType", session.options().channel());
        info.put("format", session.options().format());
        int channels = session.channelCount();
        info.putObject("audioConfiguration")
                .put("sampleRate", RecordedAudio.SAMPLE_RATE)
                .put("bitRate", RecordedAudio.SAMPLE_RATE * RecordedAudio.BITS_PER_SAMPLE * channels)
                .put("channels", channels);
        ArrayNode participants = root.putArray("participants");
        for (Identifier participant : session.channels()) {
            ObjectNode node = participants.addObject().put("participantId", participant.rawId());
            if (session.options().isUnmixed()) {
                node.put("channel", session.channelOf(participant));
            }
        }
        try {
            return mapper.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
