package dev.acsemulator.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.call.CallJournal;
import dev.acsemulator.call.CallView;
import dev.acsemulator.call.event.ParticipantView;
import dev.acsemulator.call.media.HeardPrompt;
import dev.acsemulator.call.media.HeldParticipant;
import dev.acsemulator.call.media.PersonInput;
import dev.acsemulator.delivery.DeliveryJournal;

import java.util.List;
import java.util.Locale;

/** The control API's JSON: calls, journals, delivery attempts and subscriptions. Identities are written as raw ids. */
final class AdminJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AdminJson() {
    }

    static ObjectNode call(CallView view, boolean withJournal) {
        ObjectNode node = NODES.objectNode();
        node.put("serverCallId", view.serverCallId());
        node.put("correlationId", view.correlationId());
        node.put("state", view.ended() ? "ended" : "active");
        node.put("group", view.group());
        node.put("sequenceNumber", view.sequenceNumber());
        ArrayNode participants = node.putArray("participants");
        for (ParticipantView participant : view.participants()) {
            participants.addObject().put("rawId", participant.identifier().rawId())
                    .put("kind", participant.identifier().kind().wireName())
                    .put("isMuted", participant.muted()).put("isOnHold", participant.onHold());
        }
        ArrayNode connections = node.putArray("connections");
        for (CallView.ConnectionView connection : view.connections()) {
            connections.addObject().put("callConnectionId", connection.callConnectionId())
                    .put("state", connection.state()).put("identity", connection.identity().rawId())
                    .put("callbackUri", connection.callbackUri()).put("apiVersion", connection.apiVersion());
        }
        ArrayNode invitations = node.putArray("invitations");
        for (CallView.InvitationView invitation : view.invitations()) {
            invitations.add(invitation(invitation));
        }
        ArrayNode media = node.putArray("mediaOperations");
        for (CallView.MediaOperationView operation : view.media()) {
            ObjectNode line = media.addObject().put("kind", operation.kind())
                    .put("callConnectionId", operation.callConnectionId()).put("state", operation.state());
            if (operation.operationContext() != null) {
                line.put("operationContext", operation.operationContext());
            }
        }
        ArrayNode onHold = node.putArray("heldParticipants");
        for (HeldParticipant held : view.onHold()) {
            ObjectNode line = onHold.addObject().put("rawId", held.participant().rawId())
                    .put("callConnectionId", held.callConnectionId());
            if (held.operationContext() != null) {
                line.put("operationContext", held.operationContext());
            }
            line.put("holdAudio", held.audio().name().toLowerCase(Locale.ROOT));
        }
        if (withJournal) {
            node.set("journal", journal(view.journal()));
            node.set("heard", heard(view.heard()));
        }
        return node;
    }

    /** One invitation of a call; {@code manual}: its target answers or declines it by hand. */
    static ObjectNode invitation(CallView.InvitationView invitation) {
        return NODES.objectNode().put("invitationId", invitation.invitationId())
                .put("target", invitation.target().rawId()).put("from", invitation.from().rawId())
                .put("state", invitation.state()).put("manual", invitation.manual());
    }

    /** What participants heard, oldest first: each source of each play, each DTMF send, to each listener. */
    static ArrayNode heard(List<HeardPrompt> prompts) {
        ArrayNode heard = NODES.arrayNode();
        for (HeardPrompt prompt : prompts) {
            ObjectNode line = heard.addObject().put("listener", prompt.listener().rawId())
                    .put("callConnectionId", prompt.callConnectionId());
            if (prompt.operationContext() != null) {
                line.put("operationContext", prompt.operationContext());
            }
            line.put("sourceIndex", prompt.sourceIndex()).put("kind", prompt.kind());
            if (prompt.kind().equals(HeardPrompt.DTMF)) {
                ArrayNode tones = line.putArray("tones"); // sent by SendDtmfTones, in order
                for (String tone : prompt.content().split(",")) {
                    tones.add(tone);
                }
            } else {
                line.put(prompt.kind().equals("file") ? "uri" : prompt.kind(), prompt.content());
            }
            line.put("start", prompt.start().toString());
            if (prompt.end() != null) {
                line.put("end", prompt.end().toString());
            }
            line.put("ending", switch (prompt.ending()) {
                case PLAYING -> "playing";
                case COMPLETED -> "completed";
                case CUT_OFF -> "cutOff";
            });
        }
        return heard;
    }

    static ArrayNode journal(List<CallJournal.Entry> entries) {
        ArrayNode journal = NODES.arrayNode();
        for (CallJournal.Entry entry : entries) {
            ObjectNode line = journal.addObject().put("time", entry.time().toString()).put("kind", entry.kind())
                    .put("subject", entry.subject()).put("detail", entry.detail());
            if (entry.input() != null) {
                line.set("input", input(entry.input()));
            }
        }
        return journal;
    }

    /**
     * {@code {"tones":["one","pound"]}} or {@code {"speech":"yes","voice":"synthetic","spokenMs":400}}: a person's
     * input as the journal keeps it; a phrase with the voice it was said in ({@code synthetic} or {@code recording})
     * and how long it sounds.
     */
    static ObjectNode input(PersonInput input) {
        ObjectNode node = NODES.objectNode();
        return input.match(tones -> {
            ArrayNode names = node.putArray("tones");
            tones.tones().forEach(tone -> names.add(tone.wireName()));
            return node;
        }, speech -> node.put("speech", speech.phrase())
                .put("voice", speech.recordedVoice().isPresent() ? "recording" : "synthetic")
                .put("spokenMs", speech.spokenLength().toMillis()));
    }

    static ArrayNode deliveries(List<DeliveryJournal.AttemptRecord> attempts) {
        ArrayNode list = NODES.arrayNode();
        for (DeliveryJournal.AttemptRecord attempt : attempts) {
            ObjectNode node = list.addObject().put("eventId", attempt.eventId()).put("eventType", attempt.eventType())
                    .put("url", attempt.url()).put("attempt", attempt.attempt()).put("time", attempt.time().toString())
                    .put("status", attempt.status()).put("outcome", attempt.outcome().wireName());
            if (attempt.error() != null) {
                node.put("error", attempt.error());
            }
        }
        return list;
    }

}
