package dev.acsemulator.call;

import static dev.acsemulator.call.CallWorld.ALICE;
import static dev.acsemulator.call.CallWorld.APP;
import static dev.acsemulator.call.CallWorld.BOB;
import static dev.acsemulator.call.CallWorld.CAROL;
import static dev.acsemulator.call.CallWorld.PHONE;
import static dev.acsemulator.call.CallWorld.done;
import static dev.acsemulator.call.CallWorld.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.ParticipantView;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** AddParticipant, RemoveParticipant, CancelAddParticipant and Mute (call-automation-behaviour.md §2.8–§2.11). */
class ParticipantOperationsTest {

    private final CallWorld world = new CallWorld(Duration.ofMillis(300));

    @AfterEach
    void stop() {
        world.close();
    }

    private AddedParticipant add(String id, Identifier target, Integer timeoutSeconds) {
        return done(world.participants.add(new Commands.AddParticipant(id, target, timeoutSeconds, null, null,
                "ctx-add", null, CustomHeaders.NONE)));
    }

    private void remove(String id, Identifier target) {
        done(world.participants.remove(new Commands.RemoveParticipant(id, target, "ctx-remove", null)));
    }

    private static List<Identifier> identities(CallEvent.ParticipantsUpdated event) {
        return event.participants().stream().map(ParticipantView::identifier).toList();
    }

    @Test
    void addSendsAddParticipantSucceededThenParticipantsUpdatedWithThree() {
        String id = world.connectedCallTo(ALICE);

        AddedParticipant added = add(id, BOB, null);

        assertThat(added.participant()).isEqualTo(BOB);
        assertThat(added.invitationId()).isNotBlank();
        assertThat(added.operationContext()).isEqualTo("ctx-add");
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "AddParticipantSucceeded",
                "ParticipantsUpdated");
        CallEvent.AddParticipantSucceeded succeeded = world.events.single(id,
                CallEvent.AddParticipantSucceeded.class);
        assertThat(succeeded.participant()).isEqualTo(BOB);
        assertThat(succeeded.invitationId()).isEqualTo(added.invitationId());
        assertThat(succeeded.header().operationContext()).isEqualTo("ctx-add");
        assertThat(succeeded.header().result()).isEqualTo(ResultInformation.OK);
        List<CallEvent.ParticipantsUpdated> rosters = world.events.of(id, CallEvent.ParticipantsUpdated.class);
        assertThat(rosters.get(1).sequenceNumber()).as("the invitee ringing: an unseen version, then the same list")
                .isEqualTo(3);
        assertThat(identities(rosters.get(1))).containsExactly(APP, ALICE);
        assertThat(rosters.get(2).sequenceNumber()).isEqualTo(4);
        assertThat(identities(rosters.get(2))).containsExactly(APP, ALICE, BOB);
    }

    @Test
    void addingSomeoneAlreadyInTheCallIsRefused() {
        String id = world.connectedCallTo(ALICE);

        assertThat(refusal(world.participants.add(new Commands.AddParticipant(id, ALICE, null, null, null, null, null,
                CustomHeaders.NONE)))).isEqualTo(CallError.PARTICIPANT_ALREADY_IN_CALL);
    }

    @Test
    void anAddBeforeTheCallIsEstablishedIsRefused() {
        world.people.respond(ALICE, ScriptedPeople.Response.NEVER_ANSWER);
        String id = world.createCall(ALICE).callConnectionId();

        assertThat(refusal(world.participants.add(new Commands.AddParticipant(id, BOB, null, null, null, null, null,
                CustomHeaders.NONE)))).isEqualTo(CallError.CALL_NOT_ESTABLISHED);
    }

    @Test
    void anAddThatIsNeverAnsweredFailsWith487AfterItsInvitationTimeout() {
        world.people.respond(BOB, ScriptedPeople.Response.NEVER_ANSWER);
        String id = world.connectedCallTo(ALICE);

        AddedParticipant added = add(id, BOB, 1);

        await().atMost(CallWorld.WAIT).untilAsserted(() ->
                assertThat(world.events.typesOf(id)).contains("AddParticipantFailed"));
        CallEvent.AddParticipantFailed failed = world.events.single(id, CallEvent.AddParticipantFailed.class);
        assertThat(failed.header().result()).isEqualTo(ResultInformation.RING_TIMEOUT);
        assertThat(failed.invitationId()).isEqualTo(added.invitationId());
        assertThat(failed.participant()).isEqualTo(BOB);
        assertThat(failed.header().operationContext()).isEqualTo("ctx-add");
    }

    @Test
    void anAddThatIsDeclinedFailsWithTheReasonAndLeavesTheRosterAlone() {
        world.people.respond(BOB, ScriptedPeople.Response.BUSY);
        String id = world.connectedCallTo(ALICE);

        add(id, BOB, null);

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "AddParticipantFailed");
        world.settle(id);
        assertThat(world.events.typesOf(id)).containsExactly("CallConnected", "ParticipantsUpdated", "ParticipantsUpdated",
                "AddParticipantFailed");
        assertThat(world.events.single(id, CallEvent.AddParticipantFailed.class).header().result())
                .isEqualTo(ResultInformation.BUSY);
    }

    @Test
    void removeInAOneToOneCallSucceedsThenEndsTheCallWith5002() {
        String id = world.connectedCallTo(ALICE);

        remove(id, ALICE);

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "RemoveParticipantSucceeded",
                "CallDisconnected");
        CallEvent.RemoveParticipantSucceeded removed = world.events.single(id,
                CallEvent.RemoveParticipantSucceeded.class);
        assertThat(removed.participant()).isEqualTo(ALICE);
        assertThat(removed.header().operationContext()).isEqualTo("ctx-remove");
        assertThat(removed.header().result()).isEqualTo(ResultInformation.OK);
        assertThat(world.events.single(id, CallEvent.CallDisconnected.class).header().result())
                .isEqualTo(ResultInformation.CONVERSATION_ENDED);
    }

    @Test
    void removeInAGroupCallPublishesTheRosterWithoutTheRemovedParticipant() {
        String id = world.connectedCallTo(ALICE);
        add(id, BOB, null);
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "AddParticipantSucceeded",
                "ParticipantsUpdated");

        remove(id, ALICE);

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "AddParticipantSucceeded",
                "ParticipantsUpdated", "RemoveParticipantSucceeded", "ParticipantsUpdated");
        assertThat(identities(world.events.of(id, CallEvent.ParticipantsUpdated.class).get(3)))
                .containsExactly(APP, BOB);
        assertThat(done(world.calls.get(id)).state()).isEqualTo(CallConnectionState.CONNECTED);
    }

    @Test
    void removeAfterADeclinedAddStillEndsTheOneToOneCallWith5002() {
        world.people.respond(BOB, ScriptedPeople.Response.BUSY);
        String id = world.connectedCallTo(ALICE);
        add(id, BOB, null);
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "AddParticipantFailed");

        remove(id, ALICE);

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "AddParticipantFailed",
                "RemoveParticipantSucceeded", "CallDisconnected");
    }

    @Test
    void removingSomeoneNotInTheCallFailsWith404And8522AndTheCallStaysUp() {
        String id = world.connectedCallTo(ALICE);

        remove(id, BOB);

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "RemoveParticipantFailed");
        CallEvent.RemoveParticipantFailed failed = world.events.single(id, CallEvent.RemoveParticipantFailed.class);
        assertThat(failed.participant()).isEqualTo(BOB);
        assertThat(failed.header().result().code()).isEqualTo(404);
        assertThat(failed.header().result().subCode()).isEqualTo(8522);
        assertThat(failed.header().operationContext()).isEqualTo("ctx-remove");
        world.settle(id);
        assertThat(world.events.typesOf(id)).doesNotContain("CallDisconnected");
        assertThat(done(world.calls.get(id)).state()).isEqualTo(CallConnectionState.CONNECTED);
    }

    @Test
    void aConnectionCannotRemoveItself() {
        String id = world.connectedCallTo(ALICE);

        assertThat(refusal(world.participants.remove(new Commands.RemoveParticipant(id, APP, null, null))))
                .isEqualTo(CallError.INVALID_REQUEST);
    }

    @Test
    void cancellingARingingAddSucceedsWith487And5234NamingTheInviteeAndNoAddParticipantFailedFollows() {
        world.people.respond(BOB, ScriptedPeople.Response.NEVER_ANSWER);
        String id = world.connectedCallTo(ALICE);
        AddedParticipant added = add(id, BOB, 1);

        String cancelled = done(world.participants.cancelAdd(new Commands.CancelAddParticipant(id,
                added.invitationId(), "ctx-cancel", null)));

        assertThat(cancelled).isEqualTo(added.invitationId());
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "CancelAddParticipantSucceeded");
        CallEvent.CancelAddParticipantSucceeded succeeded = world.events.single(id,
                CallEvent.CancelAddParticipantSucceeded.class);
        assertThat(succeeded.invitationId()).isEqualTo(added.invitationId());
        assertThat(succeeded.header().operationContext()).isEqualTo("ctx-cancel");
        assertThat(succeeded.header().result()).isEqualTo(new ResultInformation(487, 5234, "addParticipants failed for "
                + "participant " + BOB.rawId() + ". Underlying reason: The Call Has Been Cancelled. DiagCode: 487#5234.@"));
        // The invitation would have rung out after 1 s; nothing may follow the cancel, not even then.
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> world.events.typesOf(id)
                .equals(List.of("CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "CancelAddParticipantSucceeded")));
    }

    @Test
    void cancellingAnAddThatWasAlreadyAnsweredFails() {
        String id = world.connectedCallTo(ALICE);
        AddedParticipant added = add(id, BOB, null);
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "AddParticipantSucceeded",
                "ParticipantsUpdated");

        done(world.participants.cancelAdd(new Commands.CancelAddParticipant(id, added.invitationId(), "ctx-cancel",
                null)));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "AddParticipantSucceeded",
                "ParticipantsUpdated", "CancelAddParticipantFailed");
        assertThat(world.events.single(id, CallEvent.CancelAddParticipantFailed.class).header().result())
                .isEqualTo(ResultInformation.ALREADY_PROCESSED);
    }

    @Test
    void cancellingAnUnknownInvitationFailsWith404() {
        String id = world.connectedCallTo(ALICE);

        done(world.participants.cancelAdd(new Commands.CancelAddParticipant(id, "no-such-invitation", null, null)));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "CancelAddParticipantFailed");
        assertThat(world.events.single(id, CallEvent.CancelAddParticipantFailed.class).header().result().code())
                .isEqualTo(404);
    }

    @Test
    void muteOfAPhoneNumberIsNotSupported() {
        String id = world.connectedCallTo(PHONE);

        assertThat(refusal(world.participants.mute(new Commands.Mute(id, List.of(PHONE), "ctx-mute"))))
                .isEqualTo(CallError.NOT_SUPPORTED);
    }

    @Test
    void muteOfAnAcsUserIsOnlyVisibleAsParticipantsUpdatedWithIsMuted() {
        String id = world.connectedCallTo(ALICE);

        done(world.participants.mute(new Commands.Mute(id, List.of(ALICE), "ctx-mute")));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated");
        CallEvent.ParticipantsUpdated roster = world.events.of(id, CallEvent.ParticipantsUpdated.class).get(1);
        assertThat(roster.participants()).containsExactly(new ParticipantView(APP, false, false),
                new ParticipantView(ALICE, true, false));
    }

    @Test
    void muteOfSomeoneNotInTheCallIsParticipantNotFound() {
        String id = world.connectedCallTo(ALICE);

        assertThat(refusal(world.participants.mute(new Commands.Mute(id, List.of(BOB), null))))
                .isEqualTo(CallError.PARTICIPANT_NOT_FOUND);
    }

    @Test
    void participantsCanBeListedAndLookedUpByIdentifier() {
        String id = world.connectedCallTo(PHONE);

        assertThat(done(world.participants.list(id))).extracting(ParticipantView::identifier)
                .containsExactly(APP, PHONE);
        assertThat(done(world.participants.get(id, Identifier.fromRawId("4:+14255550123"))).identifier())
                .isEqualTo(PHONE);
        assertThat(refusal(world.participants.get(id, BOB))).isEqualTo(CallError.PARTICIPANT_NOT_FOUND);
    }

    @Test
    void participantsUpdatedSequenceNumbersStrictlyIncrease() {
        String id = world.connectedCallTo(ALICE);
        add(id, BOB, null);
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "AddParticipantSucceeded",
                "ParticipantsUpdated");
        add(id, CAROL, null);
        await().atMost(CallWorld.WAIT).until(() -> world.events.of(id, CallEvent.ParticipantsUpdated.class).size() == 5);
        done(world.participants.mute(new Commands.Mute(id, List.of(ALICE), null)));
        await().atMost(CallWorld.WAIT).until(() -> world.events.of(id, CallEvent.ParticipantsUpdated.class).size() == 6);

        remove(id, BOB);

        await().atMost(CallWorld.WAIT).until(() -> world.events.of(id, CallEvent.ParticipantsUpdated.class).size() == 7);
        List<Integer> sequence = world.events.of(id, CallEvent.ParticipantsUpdated.class).stream()
                .map(CallEvent.ParticipantsUpdated::sequenceNumber).toList();
        assertThat(sequence).isSorted().doesNotHaveDuplicates().startsWith(1);
        assertThat(identities(world.events.of(id, CallEvent.ParticipantsUpdated.class).get(6)))
                .containsExactly(APP, ALICE, CAROL);
    }
}
