package dev.acsemulator.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Event Grid schema envelopes (call-automation-behaviour.md §5.2–§5.4): the IncomingCall notification and the
 * SubscriptionValidation event, each POSTed as a one-element array.
 */
public final class EventGridEventWriter {

    private final ObjectMapper mapper;
    private final String topic;

    /** {@code topic} is the emulated resource's ARM id, as Event Grid puts it in every system event. */
    public EventGridEventWriter(ObjectMapper mapper, String topic) {
        this.mapper = mapper;
        this.topic = topic;
    }

    public byte[] incomingCall(IncomingCallEvent event, String eventId, Instant time) {
        return envelope(eventId, subject(event), "Microsoft.Communication.IncomingCall", data(event), time);
    }

    /** The same event in the CloudEvents 1.0 schema, structured mode, one event per request (D3). */
    public byte[] incomingCallCloudEvent(IncomingCallEvent event, String eventId, Instant time) {
        ObjectNode cloudEvent = mapper.createObjectNode();
        cloudEvent.put("id", eventId);
        cloudEvent.put("source", topic);
        cloudEvent.put("subject", subject(event));
        cloudEvent.set("data", data(event));
        cloudEvent.put("type", "Microsoft.Communication.IncomingCall");
        cloudEvent.put("specversion", "1.0");
        cloudEvent.put("time", DateTimeFormatter.ISO_INSTANT.format(time));
        try {
            return mapper.writeValueAsBytes(cloudEvent);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String subject(IncomingCallEvent event) {
        return "/caller/" + event.from().rawId() + "/recipient/" + event.to().rawId();
    }

    private ObjectNode data(IncomingCallEvent event) {
        ObjectNode data = mapper.createObjectNode();
        data.set("to", dev.acsemulator.json.IdentifierModels.write(event.to()));
        data.set("from", dev.acsemulator.json.IdentifierModels.write(event.from()));
        data.put("serverCallId", event.serverCallId());
        if (event.callerDisplayName() != null) {
            data.put("callerDisplayName", event.callerDisplayName());
        }
        if (!event.sipHeaders().isEmpty() || !event.voipHeaders().isEmpty()) {
            ObjectNode custom = data.putObject("customContext");
            ObjectNode sip = custom.putObject("sipHeaders");
            event.sipHeaders().forEach(sip::put);
            ObjectNode voip = custom.putObject("voipHeaders");
            event.voipHeaders().forEach(voip::put);
        }
        data.put("incomingCallContext", event.incomingCallContext());
        data.put("correlationId", event.correlationId());
        return data;
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
