package dev.acsemulator.call;

/**
 * What an {@code incomingCallContext} stands for: one ringing of one invitation at one target. A redirect rings a new
 * target under a new ticket, so the old context can no longer answer.
 */
public record IncomingCallTicket(Invitation invitation, Identifier to) {

    public boolean isCurrent() {
        return invitation.isRinging() && invitation.target().equals(to);
    }
}
