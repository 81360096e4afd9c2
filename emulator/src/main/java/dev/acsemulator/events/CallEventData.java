package dev.acsemulator.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.ResultInformation;
import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.EventHeader;
import dev.acsemulator.call.event.ParticipantView;
import dev.acsemulator.json.IdentifierModels;

/**
 * The {@code data} object of a callback event (call-automation-behaviour.md §3): the common fields every event has,
 * then the event's own fields as named by the spec's event models.
 */
final class CallEventData {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CallEventData() {
    }

    static ObjectNode of(CallEvent event, String publicEventType) {
        EventHeader header = event.header();
        ObjectNode data = NODES.objectNode();
        data.put("callConnectionId", header.target().callConnectionId());
        data.put("serverCallId", header.target().serverCallId());
        data.put("correlationId", header.target().correlationId());
        if (header.operationContext() != null) {
            data.put("operationContext", header.operationContext());
        }
        data.set("resultInformation", resultInformation(header.result()));
        addSpecificFields(event, data);
        data.put("version", header.target().apiVersion());
        data.put("publicEventType", publicEventType);
        return data;
    }

    private static void addSpecificFields(CallEvent event, ObjectNode data) {
        if (event instanceof CallEvent.ParticipantsUpdated e) {
            data.put("sequenceNumber", e.sequenceNumber());
            ArrayNode participants = data.putArray("participants");
            for (ParticipantView view : e.participants()) {
                participants.add(participant(view));
            }
        } else if (event instanceof CallEvent.AddParticipantSucceeded e) {
            data.set("participant", IdentifierModels.write(e.participant()));
        } else if (event instanceof CallEvent.AddParticipantFailed e) {
            data.set("participant", IdentifierModels.write(e.participant()));
        } else if (event instanceof CallEvent.RemoveParticipantSucceeded e) {
            data.set("participant", IdentifierModels.write(e.participant()));
        } else if (event instanceof CallEvent.RemoveParticipantFailed e) {
            data.set("participant", IdentifierModels.write(e.participant()));
        } else if (event instanceof CallEvent.CancelAddParticipantSucceeded e) {
            data.put("invitationId", e.invitationId());
        } else if (event instanceof CallEvent.CancelAddParticipantFailed e) {
            data.put("invitationId", e.invitationId());
        } else if (event instanceof CallEvent.CallTransferAccepted e) {
            targetAndTransferee(data, e.transferTarget(), e.transferee());
        } else if (event instanceof CallEvent.MoveParticipantSucceeded e) {
            participantAndFromCall(data, e.participant(), e.fromCall());
        } else if (event instanceof CallEvent.MoveParticipantFailed e) {
            participantAndFromCall(data, e.participant(), e.fromCall());
        }
    }

    private static void targetAndTransferee(ObjectNode data, Identifier target, Identifier transferee) {
        data.set("transferTarget", IdentifierModels.write(target));
        data.set("transferee", IdentifierModels.write(transferee));
    }

    private static void participantAndFromCall(ObjectNode data, Identifier participant, String fromCall) {
        data.set("participant", IdentifierModels.write(participant));
        data.put("fromCall", fromCall);
    }

    static ObjectNode participant(ParticipantView view) {
        ObjectNode node = NODES.objectNode();
        node.set("identifier", IdentifierModels.write(view.identifier()));
        node.put("isMuted", view.muted());
        node.put("isOnHold", view.onHold());
        return node;
    }

    static ObjectNode resultInformation(ResultInformation result) {
        return NODES.objectNode()
                .put("code", result.code())
                .put("subCode", result.subCode())
                .put("message", result.message());
    }
}
