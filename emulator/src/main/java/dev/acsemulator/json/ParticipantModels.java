package dev.acsemulator.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.call.event.ParticipantView;

/**
 * {@code CallParticipant}: one model for the REST answers (GetParticipant, GetParticipants, AddParticipant's
 * {@code participant}) and the participants ParticipantsUpdated lists.
 */
public final class ParticipantModels {

    private ParticipantModels() {
    }

    public static ObjectNode write(ParticipantView view) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("identifier", IdentifierModels.write(view.identifier()));
        node.put("isMuted", view.muted());
        node.put("isOnHold", view.onHold());
        return node;
    }
}
