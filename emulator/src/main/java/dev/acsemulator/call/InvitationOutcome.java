package dev.acsemulator.call;

/** What the action that sent an invitation does when the invitation is answered or fails. Runs on the call's lane. */
interface InvitationOutcome {

    /** The operation that sent the invitation, as the spec names it (fault rules match on it). */
    String operationId();

    /** The application connection whose request sent the invitation; null when no connection asked for it. */
    default String requestedBy() {
        return null;
    }

    /**
     * The invited identity answered: as a simulated person ({@code answeringConnection == null}) or as an application
     * through AnswerCall (the new connection, still connecting).
     */
    void answered(Invitation invitation, CallConnection answeringConnection);

    void failed(Invitation invitation, ResultInformation reason);
}
