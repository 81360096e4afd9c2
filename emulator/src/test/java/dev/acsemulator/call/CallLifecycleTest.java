package dev.acsemulator.call;

import static dev.acsemulator.call.CallWorld.ALICE;
import static dev.acsemulator.call.CallWorld.APP;
import static dev.acsemulator.call.CallWorld.API_VERSION;
import static dev.acsemulator.call.CallWorld.BOB;
import static dev.acsemulator.call.CallWorld.CALLBACK;
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

/** CreateCall, HangUp and Terminate (call-automation-behaviour.md §2.1, §2.5, §2.20). */
class CallLifecycleTest {

    private final CallWorld world = new CallWorld(Duration.ofMillis(300));

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void aNewCallConnectionAnswersConnectingBeforeAnyEvent() {
        world.people.respond(ALICE, ScriptedPeople.Response.NEVER_ANSWER);

        CallConnectionSnapshot snapshot = world.createCall(ALICE);

        assertThat(snapshot.state()).isEqualTo(CallConnectionState.CONNECTING);
        assertThat(snapshot.targets()).containsExactly(ALICE);
        assertThat(snapshot.source()).isEqualTo(APP);
        assertThat(snapshot.callbackUri()).isEqualTo(CALLBACK);
        assertThat(snapshot.serverCallId()).isNotBlank();
        assertThat(snapshot.correlationId()).isNotBlank();
    }

    @Test
    void anAnsweredOneToOneCallSendsCallConnectedThenParticipantsUpdatedWithBothParties() {
        CallConnectionSnapshot snapshot = world.createCall(ALICE);
        String id = snapshot.callConnectionId();

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated");

        CallEvent.CallConnected connected = world.events.single(id, CallEvent.CallConnected.class);
        assertThat(connected.header().result()).isEqualTo(ResultInformation.OK);
        assertThat(connected.header().operationContext()).isEqualTo("ctx-create");
        assertThat(connected.header().target().callbackUri()).isEqualTo(CALLBACK);
        assertThat(connected.header().target().serverCallId()).isEqualTo(snapshot.serverCallId());
        assertThat(connected.header().target().correlationId()).isEqualTo(snapshot.correlationId());
        assertThat(connected.header().target().apiVersion()).isEqualTo(API_VERSION);
        CallEvent.ParticipantsUpdated roster = world.events.single(id, CallEvent.ParticipantsUpdated.class);
        assertThat(roster.sequenceNumber()).isEqualTo(1);
        assertThat(roster.participants()).extracting(ParticipantView::identifier).containsExactly(APP, ALICE);
        assertThat(roster.participants()).noneMatch(ParticipantView::muted).noneMatch(ParticipantView::onHold);
        assertThat(done(world.calls.get(id)).state()).isEqualTo(CallConnectionState.CONNECTED);
    }

    @Test
    void aDeclinedCallGetsCreateCallFailedAndCallDisconnectedWith486() {
        world.people.respond(ALICE, ScriptedPeople.Response.BUSY);

        String id = world.createCall(ALICE).callConnectionId();

        await().atMost(CallWorld.WAIT).untilAsserted(() -> assertThat(world.events.typesOf(id))
                .containsExactlyInAnyOrder("CreateCallFailed", "CallDisconnected"));
        world.settle(id);
        assertThat(world.eventsOf(id)).hasSize(2).allSatisfy(event -> {
            assertThat(event.header().result().code()).isEqualTo(486);
            assertThat(event.header().result().subCode()).isEqualTo(560486);
            assertThat(event.header().operationContext()).isEqualTo("ctx-create");
        });
        assertThat(refusal(world.calls.get(id))).isEqualTo(CallError.CALL_TERMINATED);
    }

    @Test
    void anUnansweredCallToAnAcsUserRingsOutWith487And10004() {
        world.people.respond(ALICE, ScriptedPeople.Response.NEVER_ANSWER);

        String id = world.createCall(ALICE).callConnectionId();

        world.awaitTypes(id, "CreateCallFailed", "CallDisconnected");
        assertThat(world.eventsOf(id)).extracting(event -> event.header().result())
                .containsOnly(ResultInformation.RING_TIMEOUT);
    }

    @Test
    void anUnansweredCallToAPhoneNumberRingsOutWith480() {
        world.people.respond(PHONE, ScriptedPeople.Response.NEVER_ANSWER);

        String id = world.createCall(PHONE).callConnectionId();

        world.awaitTypes(id, "CreateCallFailed", "CallDisconnected");
        assertThat(world.eventsOf(id)).extracting(event -> event.header().result().code()).containsOnly(480);
    }

    @Test
    void aGroupCallConnectsOnTheFirstAnswerAndListsLaterOnesInANewRoster() {
        world.people.respond(BOB, ScriptedPeople.Response.BUSY);

        String id = world.createCall(ALICE, BOB).callConnectionId();

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated");
        world.settle(id);
        assertThat(world.events.typesOf(id)).doesNotContain("CreateCallFailed", "CallDisconnected");
        assertThat(world.events.single(id, CallEvent.ParticipantsUpdated.class).participants())
                .extracting(ParticipantView::identifier).containsExactly(APP, ALICE);
    }

    @Test
    void hangUpInAOneToOneCallDisconnectsWith7000() {
        String id = world.connectedCallTo(ALICE);

        done(world.calls.hangUp(id));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "CallDisconnected");
        assertThat(world.events.single(id, CallEvent.CallDisconnected.class).header().result())
                .isEqualTo(ResultInformation.ENDED_BY_CALL_AUTOMATION);
        assertThat(refusal(world.calls.get(id))).isEqualTo(CallError.CALL_TERMINATED);
    }

    @Test
    void anEndedCallIsForgottenAfterItsRetentionAndListenersHearItsServerCallId() {
        try (CallWorld shortMemory = new CallWorld(Duration.ofMillis(300), Duration.ofMillis(50))) {
            List<String> forgotten = new java.util.concurrent.CopyOnWriteArrayList<>();
            shortMemory.registry.whenForgotten(forgotten::add);
            String id = shortMemory.connectedCallTo(ALICE);
            String serverCallId = done(shortMemory.calls.get(id)).serverCallId();

            done(shortMemory.calls.hangUp(id));

            await().atMost(CallWorld.WAIT).untilAsserted(() -> assertThat(forgotten).containsExactly(serverCallId));
            assertThat(shortMemory.registry.connection(id)).isEmpty();
            assertThat(shortMemory.registry.call(serverCallId)).isEmpty();
        }
    }

    @Test
    void beyondTheLimitOfEndedCallsRememberedTheOldestIsForgottenBeforeItsRetention() {
        try (CallWorld small = new CallWorld(Duration.ofMillis(300), Duration.ofMinutes(10), 1)) {
            List<String> forgotten = new java.util.concurrent.CopyOnWriteArrayList<>();
            small.registry.whenForgotten(forgotten::add);
            String first = small.connectedCallTo(ALICE);
            String firstServerCallId = done(small.calls.get(first)).serverCallId();
            done(small.calls.hangUp(first));
            small.awaitTypes(first, "CallConnected", "ParticipantsUpdated", "CallDisconnected");
            assertThat(forgotten).isEmpty();

            String second = small.connectedCallTo(BOB);
            done(small.calls.hangUp(second));

            await().atMost(CallWorld.WAIT).untilAsserted(() -> assertThat(forgotten)
                    .containsExactly(firstServerCallId));
            assertThat(small.registry.connection(first)).isEmpty();
            assertThat(small.registry.connection(second)).isPresent();
        }
    }

    @Test
    void hangUpWhileTheCalleeIsStillRingingStopsTheRinging() {
        world.people.respond(ALICE, ScriptedPeople.Response.NEVER_ANSWER);
        String id = world.createCall(ALICE).callConnectionId();

        done(world.calls.hangUp(id));

        world.awaitTypes(id, "CallDisconnected");
        assertThat(world.events.single(id, CallEvent.CallDisconnected.class).header().result().subCode())
                .isEqualTo(7000);
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
                .until(() -> world.events.typesOf(id).equals(List.of("CallDisconnected")));
        assertThat(world.people.rung()).singleElement().extracting(Invitation::state)
                .isEqualTo(Invitation.State.CANCELLED);
    }

    @Test
    void terminateDisconnectsWith7000() {
        String id = world.connectedCallTo(ALICE);

        done(world.calls.terminate(id));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "CallDisconnected");
        assertThat(world.events.single(id, CallEvent.CallDisconnected.class).header().result())
                .isEqualTo(ResultInformation.ENDED_BY_CALL_AUTOMATION);
    }

    @Test
    void aConnectionThatHasEndedRefusesFurtherActionsAsTerminated() {
        String id = world.connectedCallTo(ALICE);
        done(world.calls.hangUp(id));

        assertThat(refusal(world.calls.hangUp(id))).isEqualTo(CallError.CALL_TERMINATED);
        assertThat(refusal(world.calls.terminate(id))).isEqualTo(CallError.CALL_TERMINATED);
        assertThat(refusal(world.participants.list(id))).isEqualTo(CallError.CALL_TERMINATED);
        assertThat(refusal(world.participants.add(new Commands.AddParticipant(id, BOB, null, null, null, null, null,
                CustomHeaders.NONE)))).isEqualTo(CallError.CALL_TERMINATED);
        world.settle(id);
        assertThat(world.events.typesOf(id)).containsExactly("CallConnected", "ParticipantsUpdated",
                "CallDisconnected");
    }

    @Test
    void terminateGives7000ToTheTerminatingApplicationAndToEveryOther() {
        String first = connectToGroup("ctx-a");
        world.awaitTypes(first, "ParticipantsUpdated", "CallConnected");
        String second = connectToGroup("ctx-b");
        world.awaitTypes(second, "ParticipantsUpdated", "CallConnected");

        done(world.calls.terminate(first));

        world.awaitTypes(first, "ParticipantsUpdated", "CallConnected", "ParticipantsUpdated", "CallDisconnected");
        world.awaitTypes(second, "ParticipantsUpdated", "CallConnected", "CallDisconnected");
        assertThat(world.events.single(first, CallEvent.CallDisconnected.class).header().result())
                .isEqualTo(ResultInformation.ENDED_BY_CALL_AUTOMATION);
        assertThat(world.events.single(second, CallEvent.CallDisconnected.class).header().result())
                .isEqualTo(ResultInformation.ENDED_BY_CALL_AUTOMATION);
    }

    @Test
    void hangUpInAGroupCallLeavesOnlyThisApplication() {
        String first = connectToGroup("ctx-a");
        world.awaitTypes(first, "ParticipantsUpdated", "CallConnected");
        String second = connectToGroup("ctx-b");
        world.awaitTypes(second, "ParticipantsUpdated", "CallConnected");

        done(world.calls.hangUp(first));

        world.awaitTypes(first, "ParticipantsUpdated", "CallConnected", "ParticipantsUpdated", "CallDisconnected");
        world.awaitTypes(second, "ParticipantsUpdated", "CallConnected", "ParticipantsUpdated");
        assertThat(world.events.single(first, CallEvent.CallDisconnected.class).header().result().subCode())
                .isEqualTo(7000);
        List<CallEvent.ParticipantsUpdated> rosters = world.events.of(second, CallEvent.ParticipantsUpdated.class);
        assertThat(rosters.get(1).participants()).extracting(ParticipantView::identifier)
                .containsExactly(done(world.calls.get(second)).source());
        assertThat(done(world.calls.get(second)).state()).isEqualTo(CallConnectionState.CONNECTED);
    }

    @Test
    void aGroupCallCanBeJoinedAgainAfterItEnded() {
        String first = connectToGroup("ctx-a");
        world.awaitTypes(first, "ParticipantsUpdated", "CallConnected");
        done(world.calls.terminate(first));
        world.awaitTypes(first, "ParticipantsUpdated", "CallConnected", "CallDisconnected");

        String again = connectToGroup("ctx-again");

        world.awaitTypes(again, "ParticipantsUpdated", "CallConnected");
    }

    @Test
    void anApplicationThatConnectsToListenInHearsTheCallsNextRosterVersionTwiceAndNoOneElseHearsOfIt() {
        String caller = world.connectedCallTo(ALICE);
        String serverCallId = world.registry.connection(caller).orElseThrow().call().serverCallId();

        String listener = done(world.calls.connect(new Commands.Connect(new Commands.CallLocator(
                Commands.CallLocator.Kind.SERVER_CALL, serverCallId), CALLBACK, "ctx-listen", API_VERSION, null)))
                .callConnectionId();

        world.awaitTypes(listener, "ParticipantsUpdated", "CallConnected", "ParticipantsUpdated");
        assertThat(world.events.of(listener, CallEvent.ParticipantsUpdated.class))
                .extracting(CallEvent.ParticipantsUpdated::sequenceNumber).containsExactly(2, 3);
        assertThat(world.events.of(listener, CallEvent.ParticipantsUpdated.class).get(1).participants())
                .extracting(ParticipantView::identifier).containsExactly(APP, ALICE);
        world.settle(caller);
        assertThat(world.events.typesOf(caller)).containsExactly("CallConnected", "ParticipantsUpdated");
    }

    @Test
    void connectingToAServerCallThatDoesNotExistFails() {
        String id = done(world.calls.connect(new Commands.Connect(new Commands.CallLocator(
                Commands.CallLocator.Kind.SERVER_CALL, "no-such-call"), CALLBACK, "ctx-connect", API_VERSION, null)))
                .callConnectionId();

        world.awaitTypes(id, "ConnectFailed");
        assertThat(world.events.single(id, CallEvent.ConnectFailed.class).header().result())
                .isEqualTo(ResultInformation.CALL_DOES_NOT_EXIST);
    }

    @Test
    void everyOperationOnAnUnknownConnectionIsCallConnectionNotFound() {
        String unknown = "00000000-0000-4000-8000-00000000dead";

        assertThat(List.of(
                world.calls.get(unknown),
                world.calls.hangUp(unknown),
                world.calls.terminate(unknown),
                world.participants.list(unknown),
                world.participants.get(unknown, ALICE),
                world.participants.add(new Commands.AddParticipant(unknown, BOB, null, null, null, null, null,
                        CustomHeaders.NONE)),
                world.participants.remove(new Commands.RemoveParticipant(unknown, ALICE, null, null)),
                world.participants.cancelAdd(new Commands.CancelAddParticipant(unknown, "inv", null, null)),
                world.participants.mute(new Commands.Mute(unknown, List.of(ALICE), null)),
                world.participants.move(new Commands.MoveParticipants(unknown, List.of(ALICE), "call", null, null)),
                world.transfers.transfer(new Commands.Transfer(unknown, BOB, null, null, null, CustomHeaders.NONE))))
                .allSatisfy(future -> assertThat(refusal(future)).isEqualTo(CallError.CALL_CONNECTION_NOT_FOUND));
    }

    private String connectToGroup(String operationContext) {
        return done(world.calls.connect(new Commands.Connect(new Commands.CallLocator(
                Commands.CallLocator.Kind.GROUP_CALL, "11111111-2222-3333-4444-555555555555"), CALLBACK,
                operationContext, API_VERSION, null))).callConnectionId();
    }
}
