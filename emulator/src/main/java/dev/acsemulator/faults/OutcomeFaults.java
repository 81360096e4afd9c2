package dev.acsemulator.faults;

import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.Invitation;
import dev.acsemulator.call.InvitationRouter;
import dev.acsemulator.call.ResultInformation;

import java.time.Duration;
import java.util.Optional;

/**
 * Decorates the world's invitation router: when a rule matches, the action fails with the rule's result instead of
 * ringing its target, so the application gets the action's failure event (CreateCallFailed with CallDisconnected,
 * AddParticipantFailed, CallTransferFailed) with the chosen code and subcode.
 */
public final class OutcomeFaults implements InvitationRouter {

    /** What an invitation fails with when the rule gives no code, subcode or message. */
    static final ResultInformation USUAL_FAILURE = new ResultInformation(500, 0, "Injected failure.");

    private final InvitationRouter world;
    private final FaultRules rules;

    public OutcomeFaults(InvitationRouter world, FaultRules rules) {
        this.world = world;
        this.rules = rules;
    }

    @Override
    public void ring(Invitation invitation) {
        Identifier target = invitation.target();
        Optional<Fault> fault = rules.pick(Fault.Site.OUTCOME, new FaultContext(invitation.operationId(), null,
                invitation.requestedBy(), invitation.call().serverCallId(), target.rawId()));
        if (fault.isPresent() && fault.get() instanceof Fault.FailOutcome failure) {
            ResultInformation result = failure.resultOr(USUAL_FAILURE);
            invitation.call().lane().schedule(Duration.ZERO, () -> {
                if (invitation.isRinging() && invitation.target().equals(target)) {
                    invitation.decline(result);
                }
            });
            return;
        }
        world.ring(invitation);
    }

    @Override
    public boolean isApplicationOwned(Identifier identity) {
        return world.isApplicationOwned(identity);
    }
}
