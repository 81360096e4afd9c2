package dev.acsemulator.call;

import dev.acsemulator.call.event.ParticipantView;
import dev.acsemulator.call.media.HeardPrompt;
import dev.acsemulator.call.media.HeldParticipant;

import java.util.List;

/**
 * A consistent copy of a call's state for the control API, taken on the call's lane; {@code onHold}: the participants
 * applications put on hold, with their hold audio's state.
 */
public record CallView(String serverCallId, String correlationId, boolean group, boolean ended, int sequenceNumber,
                       List<ParticipantView> participants, List<ConnectionView> connections,
                       List<InvitationView> invitations, List<CallJournal.Entry> journal,
                       List<MediaOperationView> media, List<HeardPrompt> heard, List<HeldParticipant> onHold) {

    /** One media operation that has not ended: its kind, the connection that asked for it, where it stands. */
    public record MediaOperationView(String kind, String callConnectionId, String operationContext, String state) { }

    /** One application connection of the call. */
    public record ConnectionView(String callConnectionId, String state, Identifier identity, String callbackUri,
                                 String apiVersion) { }

    /**
     * One invitation the call rang, with where it stands; {@code manual}: its target is a person who answers or
     * declines it by hand.
     */
    public record InvitationView(String invitationId, Identifier target, Identifier from, String state,
                                 boolean manual) { }
}
