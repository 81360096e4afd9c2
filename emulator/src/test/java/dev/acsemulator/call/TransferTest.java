package dev.acsemulator.call;

import static dev.acsemulator.call.CallWorld.ALICE;
import static dev.acsemulator.call.CallWorld.APP;
import static dev.acsemulator.call.CallWorld.BOB;
import static dev.acsemulator.call.CallWorld.CAROL;
import static dev.acsemulator.call.CallWorld.done;
import static dev.acsemulator.call.CallWorld.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.ParticipantView;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TransferToParticipant (call-automation-behaviour.md §2.6, §2.7). */
class TransferTest {

    private final CallWorld world = new CallWorld(Duration.ofSeconds(30));

    @AfterEach
    void stop() {
        world.close();
    }

    private String transfer(String id, Identifier target, Identifier transferee) {
        return done(world.transfers.transfer(new Commands.Transfer(id, target, transferee, "ctx-transfer", null,
                CustomHeaders.NONE)));
    }

    @Test
    void aOneToOneTransferIsAcceptedWith7015ThenTheApplicationIsDisconnectedWith7015() {
        String id = world.connectedCallTo(ALICE);

        assertThat(transfer(id, BOB, null)).isEqualTo("ctx-transfer");

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "CallTransferAccepted", "CallDisconnected");
        CallEvent.CallTransferAccepted accepted = world.events.single(id, CallEvent.CallTransferAccepted.class);
        assertThat(accepted.header().result()).isEqualTo(ResultInformation.TRANSFER_COMPLETED);
        assertThat(accepted.header().result().code()).isEqualTo(200);
        assertThat(accepted.header().result().subCode()).isEqualTo(7015);
        assertThat(accepted.header().operationContext()).isEqualTo("ctx-transfer");
        assertThat(accepted.transferTarget()).isEqualTo(BOB);
        assertThat(accepted.transferee()).isEqualTo(ALICE);
        assertThat(world.events.single(id, CallEvent.CallDisconnected.class).header().result())
                .isEqualTo(ResultInformation.TRANSFER_COMPLETED);
        assertThat(refusal(world.calls.get(id))).isEqualTo(CallError.CALL_TERMINATED);
    }

    @Test
    void aDeclinedTransferFailsWithTheReasonAndTheCallStaysUp() {
        world.people.respond(BOB, ScriptedPeople.Response.BUSY);
        String id = world.connectedCallTo(ALICE);

        transfer(id, BOB, null);

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "CallTransferFailed");
        CallEvent.CallTransferFailed failed = world.events.single(id, CallEvent.CallTransferFailed.class);
        assertThat(failed.header().result()).isEqualTo(ResultInformation.BUSY);
        assertThat(failed.header().operationContext()).isEqualTo("ctx-transfer");
        assertThat(done(world.calls.get(id)).state()).isEqualTo(CallConnectionState.CONNECTED);
        assertThat(done(world.participants.list(id))).extracting(ParticipantView::identifier)
                .containsExactly(APP, ALICE);
    }

    @Test
    void aSecondTransferWhileTheFirstIsRingingIsRefused() {
        world.people.respond(BOB, ScriptedPeople.Response.NEVER_ANSWER);
        String id = world.connectedCallTo(ALICE);
        transfer(id, BOB, null);

        assertThat(refusal(world.transfers.transfer(new Commands.Transfer(id, CAROL, null, null, null,
                CustomHeaders.NONE)))).isEqualTo(CallError.ACTION_NOT_VALID_IN_STATE);
        assertThat(done(world.calls.get(id)).state()).isEqualTo(CallConnectionState.TRANSFERRING);
    }

    @Test
    void aTransferToSomeoneAlreadyInTheCallIsRefused() {
        String id = world.connectedCallTo(ALICE);

        assertThat(refusal(world.transfers.transfer(new Commands.Transfer(id, ALICE, null, null, null,
                CustomHeaders.NONE)))).isEqualTo(CallError.INVALID_REQUEST);
        assertThat(refusal(world.transfers.transfer(new Commands.Transfer(id, APP, null, null, null,
                CustomHeaders.NONE)))).isEqualTo(CallError.INVALID_REQUEST);
    }

    @Test
    void aGroupTransferMovesTheTransfereeOutAndKeepsTheApplicationConnected() {
        String id = world.connectedCallTo(ALICE);
        done(world.participants.add(new Commands.AddParticipant(id, BOB, null, null, null, null, null,
                CustomHeaders.NONE)));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "AddParticipantSucceeded",
                "ParticipantsUpdated");

        transfer(id, CAROL, BOB);

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "AddParticipantSucceeded",
                "ParticipantsUpdated", "CallTransferAccepted", "ParticipantsUpdated");
        CallEvent.CallTransferAccepted accepted = world.events.single(id, CallEvent.CallTransferAccepted.class);
        assertThat(accepted.transferee()).isEqualTo(BOB);
        assertThat(accepted.transferTarget()).isEqualTo(CAROL);
        assertThat(world.events.of(id, CallEvent.ParticipantsUpdated.class).get(3).participants())
                .extracting(ParticipantView::identifier).containsExactly(APP, ALICE);
        assertThat(done(world.calls.get(id)).state()).isEqualTo(CallConnectionState.CONNECTED);
    }

    @Test
    void aGroupTransferMustNameItsTransferee() {
        String id = world.connectedCallTo(ALICE);
        done(world.participants.add(new Commands.AddParticipant(id, BOB, null, null, null, null, null,
                CustomHeaders.NONE)));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "AddParticipantSucceeded",
                "ParticipantsUpdated");

        assertThat(refusal(world.transfers.transfer(new Commands.Transfer(id, CAROL, null, null, null,
                CustomHeaders.NONE)))).isEqualTo(CallError.INVALID_REQUEST);
        assertThat(refusal(world.transfers.transfer(new Commands.Transfer(id, CAROL, APP, null, null,
                CustomHeaders.NONE)))).isEqualTo(CallError.INVALID_REQUEST);
        assertThat(refusal(world.transfers.transfer(new Commands.Transfer(id, CAROL,
                Identifier.communicationUser("8:acs:stranger"), null, null, CustomHeaders.NONE))))
                .isEqualTo(CallError.PARTICIPANT_NOT_FOUND);
    }
}
