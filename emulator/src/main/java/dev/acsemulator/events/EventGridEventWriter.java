package dev.acsemulator.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.call.recording.RecordedSession;
import dev.acsemulator.call.recording.RecordingFormat;
import dev.acsemulator.json.IdentifierModels;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The system events the emulated resource publishes through Event Grid (call-automation-behaviour.md §5.2–§5.4),
 * in the Event Grid schema (each POSTed as a one-element array) or the CloudEvents 1.0 schema, and the
 * SubscriptionValidation event of the handshake.
 */
public final class EventGridEventWriter {

    private final ObjectMapper mapper;
    private final String topic;

    /** {@code topic} is the emulated resource's ARM id, as Event Grid puts it in every system event. */
    public EventGridEventWriter(ObjectMapper mapper, String topic) {
        this.mapper = mapper;
        this.topic = topic;
    }

    /** IncomingCall as a system event, ready for either envelope. */
    public EventGridEvent incomingCall(IncomingCallEvent event) {
        return new EventGridEvent(EventGridEventType.INCOMING_CALL,
                "/caller/" + event.from().rawId() + "/recipient/" + event.to().rawId(), data(event));
    }

    public byte[] incomingCall(IncomingCallEvent event, String eventId, Instant time) {
        return eventGridSchema(incomingCall(event), eventId, time);
    }

    public byte[] incomingCallCloudEvent(IncomingCallEvent event, String eventId, Instant time) {
        return cloudEventSchema(incomingCall(event), eventId, time);
    }

    /** The event in the Event Grid schema: a one-element array. */
    public byte[] eventGridSchema(EventGridEvent event, String eventId, Instant time) {
        return envelope(eventId, event.subject(), event.type().wireName(), event.data(), time);
    }

    /** The event in the CloudEvents 1.0 schema, structured mode, one event per request (D3). */
    public byte[] cloudEventSchema(EventGridEvent event, String eventId, Instant time) {
        ObjectNode cloudEvent = mapper.createObjectNode();
        cloudEvent.put("id", eventId);
        cloudEvent.put("source", topic);
        cloudEvent.put("subject", event.subject());
        cloudEvent.set("data", event.data());
        cloudEvent.put("type", event.type().wireName());
        cloudEvent.put("specversion", "1.0");
        cloudEvent.put("time", DateTimeFormatter.ISO_INSTANT.format(time));
        try {
            return mapper.writeValueAsBytes(cloudEvent);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode data(IncomingCallEvent event) {
        ObjectNode data = mapper.createObjectNode();
        data.set("to", IdentifierModels.write(event.to()));
        data.set("from", IdentifierModels.write(event.from()));
        data.put("serverCallId", event.serverCallId());
        // Always present: "" when the caller has none (recorded in every IncomingCall of the SDKs' live tests).
        data.put("callerDisplayName", event.callerDisplayName() == null ? "" : event.callerDisplayName());
        if (event.customContext().given()) {
            ObjectNode custom = data.putObject("customContext");
            ObjectNode sip = custom.putObject("sipHeaders");
            event.customContext().sipHeaders().forEach(sip::put);
            ObjectNode voip = custom.putObject("voipHeaders");
            event.customContext().voipHeaders().forEach(voip::put);
        }
        data.put("incomingCallContext", event.incomingCallContext());
        data.put("correlationId", event.correlationId());
        return data;
    }

    /**
     * RecordingFileStatusUpdated (side-channels.md C1): the one chunk of a stopped recording, with the locations of
     * its content, metadata and deletion under {@code objectsBaseUrl} ({@code https://host:port/}).
     */
    public EventGridEvent recordingFileStatusUpdated(RecordedSession session, String objectsBaseUrl) {
        String object = objectsBaseUrl + "v1/objects/" + session.documentId();
        ObjectNode data = mapper.createObjectNode();
        ObjectNode chunk = data.putObject("recordingStorageInfo").putArray("recordingChunks").addObject();
        chunk.put("documentId", session.documentId());
        chunk.put("index", 0);
        chunk.put("endReason", "SessionEnded");
        chunk.put("contentLocation", object + "/content/"
                + RecordingFormat.of(session.options().format()).contentName());
        chunk.put("metadataLocation", object + "/content/acsmetadata");
        chunk.put("deleteLocation", object);
        data.put("recordingStartTime", DateTimeFormatter.ISO_INSTANT.format(session.start()));
        data.put("recordingDurationMs", session.duration().toMillis());
        data.put("sessionEndReason", session.sessionEndReason());
        data.put("recordingContentType", session.options().content().equals("audioVideo") ? "AudioVideo" : "Audio");
        data.put("recordingChannelType", session.options().isUnmixed() ? "Unmixed" : "Mixed");
        data.put("recordingFormatType", RecordingFormat.of(session.options().format()).eventName());
        return new EventGridEvent(EventGridEventType.RECORDING_FILE_STATUS_UPDATED, "/recording/call/"
                + session.correlationId() + "/serverCallId/" + session.serverCallId() + "/recordingId/"
                + session.recordingId(), data);
    }

    public byte[] subscriptionValidation(String eventId, String validationCode, String validationUrl, Instant time) {
        ObjectNode data = mapper.createObjectNode()
                .put("validationCode", validationCode)
                .put("validationUrl", validationUrl);
        return envelope(eventId, "", "Microsoft.EventGrid.SubscriptionValidationEvent", data, time);
    }

    private byte[] envelope(String eventId, String subject, String eventType, ObjectNode data, Instant time) {
        ObjectNode event = mapper.createObjectNode();
        event.put("id", eventId);
        event.put("topic", topic);
        event.put("subject", subject);
        event.set("data", data);
        event.put("eventType", eventType);
        event.put("dataVersion", "1.0");
        event.put("metadataVersion", "1");
        event.put("eventTime", DateTimeFormatter.ISO_INSTANT.format(time));
        try {
            return mapper.writeValueAsBytes(mapper.createArrayNode().add(event));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
