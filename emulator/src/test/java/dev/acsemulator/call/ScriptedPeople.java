package dev.acsemulator.call;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small world of people. Each answers at once unless told otherwise; the answer or refusal is scheduled on the
 * call's lane, as the real world's simulated people do. An identity told {@link Response#APP_OWNED} is an
 * application's: ringing it issues an incoming call context, as the world's IncomingCall does.
 */
final class ScriptedPeople implements InvitationRouter {

    /** What a person does when rung. */
    enum Response { ANSWER, BUSY, NEVER_ANSWER, MANUAL, APP_OWNED }

    private final CallRegistry registry;

    private final Map<Identifier, Response> responses = new ConcurrentHashMap<>();
    private final List<Invitation> rung = new CopyOnWriteArrayList<>();
    private final List<Invitation> afterHandAnswers = new CopyOnWriteArrayList<>();

    ScriptedPeople(CallRegistry registry) {
        this.registry = registry;
    }

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
            case APP_OWNED -> registry.registerIncoming(incomingCallContext(invitation),
                    IncomingCallTicket.ofRinging(invitation));
        }
    }

    @Override
    public boolean isApplicationOwned(Identifier identity) {
        return responses.get(identity) == Response.APP_OWNED;
    }

    /** The incoming call context ringing an application-owned identity issued for this invitation. */
    static String incomingCallContext(Invitation invitation) {
        return "incoming-" + invitation.invitationId() + "-" + invitation.target().rawId();
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
