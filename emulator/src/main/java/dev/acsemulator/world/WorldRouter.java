package dev.acsemulator.world;

import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.Invitation;
import dev.acsemulator.call.InvitationRouter;
import dev.acsemulator.world.IncomingCallNotifier;

/** Rings an invitation's target: IncomingCall for application-owned identities, else a simulated person. */
public final class WorldRouter implements InvitationRouter {

    private final IdentityDirectory directory;
    private final IncomingCallNotifier incomingCalls;
    private final SimulatedPeople people;

    public WorldRouter(IdentityDirectory directory, IncomingCallNotifier incomingCalls, SimulatedPeople people) {
        this.directory = directory;
        this.incomingCalls = incomingCalls;
        this.people = people;
    }

    @Override
    public void ring(Invitation invitation) {
        if (directory.isApplicationOwned(invitation.target())) {
            incomingCalls.notify(invitation, directory.subscriptionsFor(invitation.target()));
        } else {
            people.ring(invitation, this);
        }
    }

    @Override
    public boolean isApplicationOwned(Identifier identity) {
        return directory.isApplicationOwned(identity);
    }
}
