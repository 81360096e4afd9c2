package dev.acsemulator.call;

/**
 * Rings an invitation's target: an identity that an application owns gets an IncomingCall through Event Grid; any
 * other identity is a simulated person whose behaviour decides the outcome. Implemented by the world.
 */
public interface InvitationRouter {

    /** Called on the invitation's lane when it starts ringing (and again after a redirect). */
    void ring(Invitation invitation);

    /** Whether an application owns this identity, so that calls to it raise IncomingCall. */
    boolean isApplicationOwned(Identifier identity);
}
