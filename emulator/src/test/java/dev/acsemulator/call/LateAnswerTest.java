package dev.acsemulator.call;

import static dev.acsemulator.call.CallWorld.API_VERSION;
import static dev.acsemulator.call.CallWorld.CALLBACK;
import static dev.acsemulator.call.CallWorld.done;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.acsemulator.call.event.CallEvent;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * AnswerCall of an incoming call that is no longer ringing (call-automation-behaviour.md §2.3): the answer is taken,
 * and the new connection learns from its events that it failed.
 */
class LateAnswerTest {

    private static final Identifier CALLER = Identifier.phoneNumber("+14255550142");
    private static final Identifier OWNED = Identifier.communicationUser("8:acs:" + CallWorld.RESOURCE_ID + "_owned");

    private CallWorld world = new CallWorld(Duration.ofSeconds(2));
    private PersonActions people = new PersonActions(world.registry);

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void answeringACallWhoseCallerHungUpGivesAnswerFailedThenCallDisconnectedWith8528() {
        String serverCallId = ringingInboundCall();
        done(people.hangUp(serverCallId, CALLER));

        String late = answer(contextOf(serverCallId)).callConnectionId();

        assertAnswerFailedThenDisconnected(late, ResultInformation.CALL_ALREADY_ENDED);
        assertThat(world.events.single(late, CallEvent.AnswerFailed.class).header().operationContext())
                .isEqualTo("ctx-answer");
        assertThat(world.registry.connection(late).orElseThrow().state())
                .isEqualTo(CallConnectionState.DISCONNECTED);
    }

    @Test
    void answeringACallThatRangOutGivesAnswerFailedThenCallDisconnectedWith10004() {
        String serverCallId = ringingInboundCall();
        Call call = world.registry.call(serverCallId).orElseThrow();
        await().atMost(CallWorld.WAIT).until(call::isEnded);

        String late = answer(contextOf(serverCallId)).callConnectionId();

        assertAnswerFailedThenDisconnected(late, ResultInformation.RING_TIMEOUT);
    }

    @Test
    void answeringACallThatWasRejectedGivesAnswerFailedThenCallDisconnectedWith8528() {
        String serverCallId = ringingInboundCall();
        String context = contextOf(serverCallId);
        done(world.calls.reject(new Commands.Reject(context, RejectReason.NONE)));

        String late = answer(context).callConnectionId();

        assertAnswerFailedThenDisconnected(late, ResultInformation.CALL_ALREADY_ENDED);
    }

    @Test
    void answeringACallAnsweredByAnotherApplicationGivesOnlyCallDisconnectedWith10003AndLeavesTheCallUp() {
        String serverCallId = ringingInboundCall();
        String context = contextOf(serverCallId);
        String first = answer(context).callConnectionId();
        world.awaitTypes(first, "CallConnected", "ParticipantsUpdated");

        String second = answer(context).callConnectionId();

        world.awaitTypes(second, "CallDisconnected");
        assertThat(world.events.single(second, CallEvent.CallDisconnected.class).header().result())
                .isEqualTo(ResultInformation.ACCEPTED_ELSEWHERE);
        world.settle(first);
        assertThat(world.events.typesOf(first)).containsExactly("CallConnected", "ParticipantsUpdated");
        assertThat(world.registry.call(serverCallId).orElseThrow().isEnded()).isFalse();
    }

    @Test
    void theContextOfACallThatWasForgottenIsNoLongerKnown() {
        world.close();
        world = new CallWorld(Duration.ofSeconds(2), Duration.ofMillis(100));
        people = new PersonActions(world.registry);
        String serverCallId = ringingInboundCall();
        String context = contextOf(serverCallId);
        done(people.hangUp(serverCallId, CALLER));

        await().atMost(CallWorld.WAIT).until(() -> world.registry.incoming(context).isEmpty());

        assertThatThrownBy(() -> world.calls.answer(answerCommand(context)))
                .isInstanceOfSatisfying(CallActionException.class,
                        refused -> assertThat(refused.error()).isEqualTo(CallError.INCOMING_CALL_NOT_FOUND));
    }

    private void assertAnswerFailedThenDisconnected(String late, ResultInformation result) {
        world.awaitTypes(late, "AnswerFailed", "CallDisconnected");
        assertThat(world.events.single(late, CallEvent.AnswerFailed.class).header().result()).isEqualTo(result);
        assertThat(world.events.single(late, CallEvent.CallDisconnected.class).header().result()).isEqualTo(result);
    }

    private String ringingInboundCall() {
        world.people.respond(OWNED, ScriptedPeople.Response.APP_OWNED);
        return done(world.calls.placeInboundCall(CALLER, OWNED, "Caller", CustomHeaders.NONE));
    }

    private String contextOf(String serverCallId) {
        Invitation invitation = world.people.rung().stream()
                .filter(rung -> rung.call().serverCallId().equals(serverCallId)).findFirst().orElseThrow();
        return ScriptedPeople.incomingCallContext(invitation);
    }

    private CallConnectionSnapshot answer(String context) {
        CallConnectionSnapshot snapshot = done(world.calls.answer(answerCommand(context)));
        assertThat(snapshot.state()).isEqualTo(CallConnectionState.CONNECTING);
        return snapshot;
    }

    private static Commands.Answer answerCommand(String context) {
        return new Commands.Answer(context, CALLBACK, "ctx-answer", API_VERSION, null, null);
    }
}
