package dev.acsemulator.call;

import static dev.acsemulator.call.CallWorld.ALICE;
import static dev.acsemulator.call.CallWorld.BOB;
import static dev.acsemulator.call.CallWorld.PHONE;
import static dev.acsemulator.call.CallWorld.done;
import static dev.acsemulator.call.CallWorld.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.acsemulator.call.event.CallEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A person whose behaviour is {@code manual} answers or declines a ringing invitation by hand: exactly the automatic
 * answer's or the decline behaviour's events; left alone, the ring timeout as for a person who never answers.
 */
class HandAnswersTest {

    private final CallWorld world = new CallWorld(Duration.ofMillis(400));
    private final HandAnswers hands = new HandAnswers(world.registry);

    @AfterEach
    void stop() {
        world.close();
    }

    private Call callOf(String callConnectionId) {
        return world.registry.connection(callConnectionId).orElseThrow().call();
    }

    private Invitation lastRung(Identifier target) {
        List<Invitation> rung = world.people.rung().stream().filter(i -> i.target().equals(target)).toList();
        assertThat(rung).as("invitations to %s", target).isNotEmpty();
        return rung.get(rung.size() - 1);
    }

    private String serverCallIdOf(String callConnectionId) {
        return callOf(callConnectionId).serverCallId();
    }

    @Test
    void aManualInvitationRingsWithoutAnEventUntilAnsweredByHandThenConnectsAsAnAutomaticAnswerDoes() {
        world.people.respond(ALICE, ScriptedPeople.Response.MANUAL);
        String automatic = world.connectedCallTo(BOB);

        String id = world.createCall(ALICE).callConnectionId();
        world.settle(id);
        Invitation invitation = lastRung(ALICE);
        assertThat(world.events.typesOf(id)).isEmpty();
        assertThat(invitation.isRinging()).isTrue();
        assertThat(invitation.isManual()).isTrue();

        done(hands.answer(serverCallIdOf(id), invitation.invitationId()));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated");
        assertThat(world.events.typesOf(id)).isEqualTo(world.events.typesOf(automatic));
        assertThat(world.events.single(id, CallEvent.CallConnected.class).header().result())
                .isEqualTo(ResultInformation.OK);
        assertThat(invitation.state()).isEqualTo(Invitation.State.ANSWERED);
        assertThat(invitation.isManual()).as("still shown as answered by hand").isTrue();
        assertThat(world.people.afterHandAnswers()).containsExactly(invitation);
    }

    @Test
    void aManualInvitationDeclinedByHandFailsTheCallWith603AsTheDeclineBehaviourDoes() {
        world.people.respond(ALICE, ScriptedPeople.Response.MANUAL);
        String id = world.createCall(ALICE).callConnectionId();
        world.settle(id);

        done(hands.decline(serverCallIdOf(id), lastRung(ALICE).invitationId()));

        world.awaitTypes(id, "CreateCallFailed", "CallDisconnected");
        assertThat(world.eventsOf(id)).extracting(event -> event.header().result())
                .containsOnly(ResultInformation.DECLINED);
        assertThat(world.people.afterHandAnswers()).as("nothing follows a decline").isEmpty();
    }

    @Test
    void aManualInvitationLeftAloneRingsOutAsOneNeverAnsweredAndCanNoLongerBeAnswered() {
        world.people.respond(ALICE, ScriptedPeople.Response.MANUAL);
        String id = world.createCall(ALICE).callConnectionId();

        world.awaitTypes(id, "CreateCallFailed", "CallDisconnected");

        assertThat(world.eventsOf(id)).extracting(event -> event.header().result())
                .containsOnly(ResultInformation.RING_TIMEOUT);
        Invitation invitation = lastRung(ALICE);
        assertThat(invitation.timedOut()).isTrue();
        assertThat(refusal(hands.answer(serverCallIdOf(id), invitation.invitationId())))
                .isEqualTo(CallError.INVITATION_NOT_AWAITING_PERSON);
        assertThat(refusal(hands.decline(serverCallIdOf(id), invitation.invitationId())))
                .isEqualTo(CallError.INVITATION_NOT_AWAITING_PERSON);
    }

    @Test
    void anAddedParticipantAnsweringByHandSucceedsAsAnAutomaticAdd() {
        world.people.respond(PHONE, ScriptedPeople.Response.MANUAL);
        String id = world.connectedCallTo(ALICE);

        AddedParticipant added = done(world.participants.add(new Commands.AddParticipant(id, PHONE, null, null, null,
                "ctx-add", null, CustomHeaders.NONE)));
        world.settle(id);
        assertThat(world.events.typesOf(id)).doesNotContain("AddParticipantSucceeded", "AddParticipantFailed");

        done(hands.answer(serverCallIdOf(id), added.invitationId()));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "AddParticipantSucceeded",
                "ParticipantsUpdated");
        CallEvent.AddParticipantSucceeded succeeded = world.events.single(id,
                CallEvent.AddParticipantSucceeded.class);
        assertThat(succeeded.participant()).isEqualTo(PHONE);
        assertThat(succeeded.invitationId()).isEqualTo(added.invitationId());
    }

    @Test
    void anInvitationToSomeoneWhoDoesNotAnswerByHandCannotBeActedOnByHand() {
        world.people.respond(ALICE, ScriptedPeople.Response.NEVER_ANSWER);
        String ringing = world.createCall(ALICE).callConnectionId();
        String answered = world.connectedCallTo(BOB);
        world.settle(ringing);

        assertThat(lastRung(ALICE).isRinging()).isTrue();
        assertThat(refusal(hands.answer(serverCallIdOf(ringing), lastRung(ALICE).invitationId())))
                .isEqualTo(CallError.INVITATION_NOT_AWAITING_PERSON);
        assertThat(refusal(hands.decline(serverCallIdOf(answered), lastRung(BOB).invitationId())))
                .isEqualTo(CallError.INVITATION_NOT_AWAITING_PERSON);
        assertThat(lastRung(ALICE).isRinging()).as("a refusal changes nothing").isTrue();
    }

    @Test
    void anUnknownInvitationOrCallIsNotFound() {
        String id = world.connectedCallTo(BOB);

        assertThat(refusal(hands.answer(serverCallIdOf(id), "no-such-invitation")))
                .isEqualTo(CallError.INVITATION_NOT_FOUND);
        assertThat(refusal(hands.decline("no-such-call", lastRung(BOB).invitationId())))
                .isEqualTo(CallError.CALL_CONNECTION_NOT_FOUND);
    }

    @Test
    void aRedirectedManualInvitationRingsItsNewTargetAsThatTargetBehaves() {
        world.people.respond(ALICE, ScriptedPeople.Response.MANUAL);
        String id = world.createCall(ALICE).callConnectionId();
        world.settle(id);
        Invitation invitation = lastRung(ALICE);

        boolean manualAfterRedirect = done(CallContext.onLane(callOf(id), () -> {
            invitation.retarget(BOB);
            return invitation.isManual();
        }));

        assertThat(manualAfterRedirect).isFalse();
        assertThat(refusal(hands.answer(serverCallIdOf(id), invitation.invitationId())))
                .isEqualTo(CallError.INVITATION_NOT_AWAITING_PERSON);
    }
}
