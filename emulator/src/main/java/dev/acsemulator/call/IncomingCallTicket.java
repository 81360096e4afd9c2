package dev.acsemulator.call;

/**
 * What an {@code incomingCallContext} stands for: one ringing of one invitation at one target, presented as a call
 * from {@code from} (the IncomingCall's {@code from}). A redirect rings a new target under a new ticket, so the old
 * context can no longer answer.
 */
public record IncomingCallTicket(Invitation invitation, Identifier to, Identifier from) {

    /** The ringing of the invitation's current target, from whom the invitation now presents the call as. */
    public static IncomingCallTicket ofRinging(Invitation invitation) {
        return new IncomingCallTicket(invitation, invitation.target(), invitation.presentedFrom());
    }

    public boolean isCurrent() {
        return invitation.isRinging() && invitation.target().equals(to);
    }
}
