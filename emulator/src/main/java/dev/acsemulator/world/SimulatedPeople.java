package dev.acsemulator.world;

import dev.acsemulator.call.Call;
import dev.acsemulator.call.CallActionException;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.Invitation;
import dev.acsemulator.call.InvitationRouter;
import dev.acsemulator.call.PersonActions;
import dev.acsemulator.call.ResultInformation;

import java.time.Duration;

/**
 * Every identity no application owns is a simulated person, who responds to a ringing invitation as their
 * {@link Behaviour} says: answers after a delay (and may hang up later), lets it ring, is busy, declines, is
 * unreachable, waits for a person to answer or decline by hand, or forwards an unanswered call to another identity
 * or to voicemail.
 */
public final class SimulatedPeople {

    private final BehaviourBook behaviours;

    public SimulatedPeople(BehaviourBook behaviours) {
        this.behaviours = behaviours;
    }

    /** Runs on the invitation's lane; {@code router} rings a forwarding target. */
    public void ring(Invitation invitation, InvitationRouter router) {
        Identifier rung = invitation.target();
        Behaviour behaviour = behaviours.behaviourOf(rung);
        Call call = invitation.call();
        if (behaviour.forwardAfter() != null && invitation.forwardingAllowed()) {
            call.lane().schedule(behaviour.forwardAfter(), () -> {
                if (stillRinging(invitation, rung)) {
                    forward(invitation, behaviour, router);
                }
            });
        }
        switch (behaviour.response()) {
            case ANSWER -> call.lane().schedule(behaviour.answerAfter(), () -> {
                if (stillRinging(invitation, rung)) {
                    invitation.answerAsPerson();
                    scheduleHangUp(call, rung, behaviour.hangUpAfter());
                }
            });
            case BUSY -> declineSoon(invitation, rung, ResultInformation.BUSY);
            case DECLINE -> declineSoon(invitation, rung, ResultInformation.DECLINED);
            case UNREACHABLE -> declineSoon(invitation, rung, rung.isPhoneNumber()
                    ? ResultInformation.PSTN_UNAVAILABLE : ResultInformation.UNREACHABLE);
            case NO_ANSWER -> { }
            case MANUAL -> invitation.waitForHand(() -> scheduleHangUp(call, rung, behaviour.hangUpAfter()));
        }
    }

    private void forward(Invitation invitation, Behaviour behaviour, InvitationRouter router) {
        if (behaviour.forwardsToVoicemail()) {
            invitation.call().journal().record("person", invitation.target().rawId(), "forwarded to voicemail");
            invitation.answerAsPerson();
        } else {
            invitation.retarget(behaviour.forwardTo());
            router.ring(invitation);
        }
    }

    private static void scheduleHangUp(Call call, Identifier person, Duration after) {
        if (after == null) {
            return;
        }
        call.lane().schedule(after, () -> {
            try {
                PersonActions.hangUpNow(call, person);
            } catch (CallActionException alreadyGone) {
                call.journal().record("person", person.rawId(), "had already left: " + alreadyGone.getMessage());
            }
        });
    }

    private static void declineSoon(Invitation invitation, Identifier rung, ResultInformation reason) {
        invitation.call().lane().schedule(Duration.ZERO, () -> {
            if (stillRinging(invitation, rung)) {
                invitation.decline(reason);
            }
        });
    }

    private static boolean stillRinging(Invitation invitation, Identifier rung) {
        return invitation.isRinging() && invitation.target().equals(rung);
    }
}
