package dev.acsemulator.call;

/**
 * A call holds at most 350 participants (call-automation-behaviour.md §7), the applications in it included. Ringing
 * invitations count as seats already taken, so answers can never take a call past the limit: CreateCall, AddParticipant
 * and a Connect that joins a group or room call are refused when they would.
 */
public final class ParticipantLimit {

    /** The service's limit of participants in one call. */
    public static final int MAX_PARTICIPANTS = 350;

    private ParticipantLimit() {
    }

    /** Refuses with 400 8523 when {@code seated} participants plus {@code joining} more would exceed the limit. */
    static void requireRoomFor(int seated, int joining) {
        int wanted = seated + joining;
        if (wanted > MAX_PARTICIPANTS) {
            throw new CallActionException(CallError.INVALID_REQUEST, "a call holds at most " + MAX_PARTICIPANTS
                    + " participants and this request would bring it to " + wanted + ".");
        }
    }

    /** The seats of {@code call} that are taken: its roster and the invitations still ringing. */
    static int seated(Call call) {
        return call.participantCount() + call.invitationsRinging();
    }
}
