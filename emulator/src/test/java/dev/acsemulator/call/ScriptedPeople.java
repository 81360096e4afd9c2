package dev.acsemulator.call;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small world of people, none of them owned by an application. Each answers at once unless told otherwise;
 * the answer or refusal is scheduled on the call's lane, as the real world's simulated people do.
 */
final class ScriptedPeople implements InvitationRouter {

    /** What a person does when rung. */
    enum Response { ANSWER, BUSY, NEVER_ANSWER, MANUAL }

    private final Map<Identifier, Response> responses = new ConcurrentHashMap<>();
    private final List<Invitation> rung = new CopyOnWriteArrayList<>();
    private final List<Invitation> afterHandAnswers = new CopyOnWriteArrayList<>();

    ScriptedPeople respond(Identifier person, Response response) {
        responses.put(person, response);
        return this;
    }

    @Override
    public void ring(Invitation invitation) {
        rung.add(invitation);
        Identifier target = invitation.target();
        switch (responses.getOrDefault(target, Response.ANSWER)) {
            case ANSWER -> invitation.call().lane().execute(() -> {
                if (invitation.isRinging()) {
                    invitation.answerAsPerson();
                }
            });
            case BUSY -> invitation.call().lane().execute(() -> {
                if (invitation.isRinging()) {
                    invitation.decline(ResultInformation.BUSY);
                }
            });
            case NEVER_ANSWER -> { }
            case MANUAL -> invitation.waitForHand(() -> afterHandAnswers.add(invitation));
        }
    }

    @Override
    public boolean isApplicationOwned(Identifier identity) {
        return false;
    }

    /** The manual invitations whose person answered by hand, in order: what their behaviour did after the answer. */
    List<Invitation> afterHandAnswers() {
        return List.copyOf(afterHandAnswers);
    }

    /** Every invitation rung so far, in order. */
    List<Invitation> rung() {
        return List.copyOf(rung);
    }
}
