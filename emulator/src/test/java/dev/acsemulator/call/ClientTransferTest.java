package dev.acsemulator.call;

import dev.acsemulator.call.event.CallEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.acsemulator.call.CallWorld.ALICE;
import static dev.acsemulator.call.CallWorld.BOB;
import static dev.acsemulator.call.CallWorld.CAROL;
import static dev.acsemulator.call.CallWorld.done;
import static dev.acsemulator.call.CallWorld.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Client-side (Calling SDK) transfers made by simulated people, against the application's view of the call. */
class ClientTransferTest {

    private static final Duration RING_TIMEOUT = Duration.ofMillis(300);

    private final CallWorld world = new CallWorld(RING_TIMEOUT);
    private final ClientTransferService transfers = new ClientTransferService(world.calls);

    @AfterEach
    void stop() {
        world.close();
    }

    /** The application called Alice, then added Bob: a group call of the application, Alice and Bob. */
    private String groupCallWithAliceAndBob() {
        return groupCallWithAliceAndBob(world);
    }

    private static String groupCallWithAliceAndBob(CallWorld world) {
        String id = world.connectedCallTo(ALICE);
        done(world.participants.add(new Commands.AddParticipant(id, BOB, null, null, null, "ctx-add", null,
                CustomHeaders.NONE)));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "AddParticipantSucceeded", "ParticipantsUpdated");
        return id;
    }

    private String serverCallId(String callConnectionId) {
        return serverCallId(world, callConnectionId);
    }

    private static String serverCallId(CallWorld world, String callConnectionId) {
        return world.registry.connection(callConnectionId).orElseThrow().call().serverCallId();
    }

    @Test
    void aTransferIsForgottenWithTheCallItTransferredFrom() {
        try (CallWorld shortMemory = new CallWorld(RING_TIMEOUT, Duration.ofMillis(200))) {
            ClientTransferService forgetting = new ClientTransferService(shortMemory.calls);
            String id = groupCallWithAliceAndBob(shortMemory);
            ClientTransfer transfer = done(forgetting.start(serverCallId(shortMemory, id), ALICE,
                    new ClientTransferService.Request(CAROL, null, null, BOB, false)));
            await().atMost(CallWorld.WAIT).until(() -> transfer.state() == ClientTransfer.State.TRANSFERRED);
            assertThat(forgetting.transfer(transfer.id())).contains(transfer);

            await().atMost(CallWorld.WAIT).until(() -> forgetting.transfer(transfer.id()).isEmpty());
        }
    }

    @Test
    void anApplicationLeftAloneByATransferGetsCallDisconnected5001() {
        String id = groupCallWithAliceAndBob();

        ClientTransfer transfer = done(transfers.start(serverCallId(id), ALICE,
                new ClientTransferService.Request(CAROL, null, null, BOB, false)));

        await().atMost(CallWorld.WAIT).until(() -> transfer.state() == ClientTransfer.State.TRANSFERRED);
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "AddParticipantSucceeded", "ParticipantsUpdated",
                "CallDisconnected");
        assertThat(world.events.single(id, CallEvent.CallDisconnected.class).header().result())
                .isEqualTo(ResultInformation.OTHER_PARTY_ENDED);
    }

    @Test
    void aTransferToSomeoneWhoNeverAnswersFailsWhenItsInvitationRingsOut() {
        world.people.respond(CAROL, ScriptedPeople.Response.NEVER_ANSWER);
        String id = groupCallWithAliceAndBob();

        ClientTransfer transfer = done(transfers.start(serverCallId(id), ALICE,
                new ClientTransferService.Request(CAROL, null, null, BOB, true)));

        await().atMost(CallWorld.WAIT).until(() -> transfer.state() == ClientTransfer.State.FAILED);
        assertThat(transfer.error().code()).isEqualTo(487);
        world.settle(id);
        assertThat(world.events.typesOf(id)).containsExactly("CallConnected", "ParticipantsUpdated", "ParticipantsUpdated",
                "AddParticipantSucceeded", "ParticipantsUpdated");
    }

    @Test
    void aCallTakesOneTransferAtATime() {
        world.people.respond(CAROL, ScriptedPeople.Response.NEVER_ANSWER);
        String id = groupCallWithAliceAndBob();
        done(transfers.start(serverCallId(id), ALICE, new ClientTransferService.Request(CAROL, null, null, BOB,
                false)));

        assertThat(refusal(transfers.start(serverCallId(id), BOB, new ClientTransferService.Request(
                CallWorld.PHONE, null, null, ALICE, false)))).isEqualTo(CallError.ACTION_NOT_VALID_IN_STATE);
    }

    @Test
    void anApplicationsLegCannotBeTransferredByAPerson() {
        String id = world.connectedCallTo(ALICE);

        assertThat(refusal(transfers.start(serverCallId(id), ALICE, new ClientTransferService.Request(BOB, null,
                null, CallWorld.APP, false)))).isEqualTo(CallError.NOT_SUPPORTED);
        assertThat(refusal(transfers.start(serverCallId(id), ALICE, new ClientTransferService.Request(BOB, null,
                null, null, false)))).isEqualTo(CallError.NOT_SUPPORTED);
    }
}
