package dev.acsemulator.world;

import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.Invitation;

import java.time.Duration;

/**
 * Every identity no application owns is a simulated person. For now each one answers after the configured delay;
 * richer behaviours (busy, declining, no answer, voicemail) follow the identity's configured behaviour.
 */
public final class SimulatedPeople {

    private final Duration answerDelay;

    public SimulatedPeople(Duration answerDelay) {
        this.answerDelay = answerDelay;
    }

    public void ring(Invitation invitation) {
        Identifier rung = invitation.target();
        invitation.call().lane().schedule(answerDelay, () -> {
            if (invitation.isRinging() && invitation.target().equals(rung)) {
                invitation.answerAsPerson();
            }
        });
    }
}
