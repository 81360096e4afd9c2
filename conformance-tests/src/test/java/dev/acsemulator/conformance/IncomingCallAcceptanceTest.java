package dev.acsemulator.conformance;

import com.azure.communication.callautomation.CallAutomationClient;
import com.azure.communication.callautomation.models.AnswerCallResult;
import com.azure.communication.callautomation.models.CallConnectionState;
import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.callautomation.models.RejectCallOptions;
import com.azure.communication.callautomation.models.CallRejectReason;
import com.azure.communication.common.CommunicationUserIdentifier;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import dev.acsemulator.junit5.CallbackReceiver;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * IncomingCall through Event Grid (call-automation-behaviour.md §5.2) and AnswerCall / RejectCall / RedirectCall (§2.3,
 * §2.4).
 */
class IncomingCallAcceptanceTest extends ConformanceTest {



    private JsonNode callAndAwaitIncoming(String callerCallback, String target) {
        int before = receiver.notifications(EmulatorUnderTest.INCOMING_PATH).size();
        client.createCall(new CallInvite(new CommunicationUserIdentifier(target)), receiver.url(callerCallback));
        return receiver.awaitIncomingCall(EmulatorUnderTest.INCOMING_PATH, before + 1);
    }

    @Test
    void answeringAnIncomingCallConnectsBothApplications() {
        String caller = "/caller/" + UUID.randomUUID();
        String callee = "/callee/" + UUID.randomUUID();
        String target = appUser();
        JsonNode incoming = callAndAwaitIncoming(caller, target);
        assertThat(incoming.path("eventType").asText()).isEqualTo("Microsoft.Communication.IncomingCall");
        assertThat(incoming.path("data").path("to").path("rawId").asText()).isEqualTo(target);
        assertThat(incoming.path("subject").asText()).endsWith("/recipient/" + target);

        AnswerCallResult answered = client.answerCall(incoming.path("data").path("incomingCallContext").asText(),
                receiver.url(callee));
        assertThat(answered.getCallConnectionProperties().getCallConnectionState())
                .isEqualTo(CallConnectionState.CONNECTING);

        assertThat(receiver.awaitEventTypes(callee, types -> types.size() >= 2))
                .containsExactly("CallConnected", "ParticipantsUpdated");
        assertThat(receiver.awaitEventTypes(caller, types -> types.size() >= 2))
                .containsExactly("CallConnected", "ParticipantsUpdated");
        int callerSequence = receiver.received(caller).get(1).json().get(0).path("data").path("sequenceNumber").asInt();
        int calleeSequence = receiver.received(callee).get(1).json().get(0).path("data").path("sequenceNumber").asInt();
        assertThat(callerSequence).isEqualTo(calleeSequence);
    }

    @Test
    void aSecondAnswerLosesWith487And10003() {
        String caller = "/caller/" + UUID.randomUUID();
        String first = "/first/" + UUID.randomUUID();
        String second = "/second/" + UUID.randomUUID();
        JsonNode incoming = callAndAwaitIncoming(caller, appUser());
        String context = incoming.path("data").path("incomingCallContext").asText();
        client.answerCall(context, receiver.url(first));
        receiver.awaitEventTypes(first, types -> types.contains("CallConnected"));
        client.answerCall(context, receiver.url(second));
        assertThat(receiver.awaitEventTypes(second, types -> !types.isEmpty())).containsExactly("CallDisconnected");
        JsonNode result = receiver.received(second).get(0).json().get(0).path("data").path("resultInformation");
        assertThat(List.of(result.path("code").asInt(), result.path("subCode").asInt())).containsExactly(487, 10003);
    }

    @Test
    void rejectingAsBusyFailsTheCreateCallWithCreateCallFailedAndCallDisconnected() {
        String caller = "/caller/" + UUID.randomUUID();
        int before = receiver.notifications(EmulatorUnderTest.INCOMING_PATH).size();
        createCallRaw("2026-03-12", appUser(), caller);
        JsonNode incoming = receiver.awaitIncomingCall(EmulatorUnderTest.INCOMING_PATH, before + 1);
        client.rejectCallWithResponse(new RejectCallOptions(incoming.path("data").path("incomingCallContext").asText())
                .setCallRejectReason(CallRejectReason.BUSY), Context.NONE);
        assertThat(receiver.awaitEventTypes(caller, types -> types.size() >= 2))
                .containsExactly("CreateCallFailed", "CallDisconnected");
        assertThat(resultOf(caller, 0).path("code").asInt()).isEqualTo(486);
        assertThat(resultOf(caller, 1).path("subCode").asInt()).isEqualTo(560486);
    }

    @Test
    void aVersionWithoutCreateCallFailedGetsOnlyCallDisconnected() {
        String caller = "/caller/" + UUID.randomUUID();
        JsonNode incoming = callAndAwaitIncoming(caller, appUser());
        client.rejectCall(incoming.path("data").path("incomingCallContext").asText());
        assertThat(receiver.awaitEventTypes(caller, types -> !types.isEmpty())).containsExactly("CallDisconnected");
        assertThat(resultOf(caller, 0).path("subCode").asInt()).isEqualTo(5002);
    }

    @Test
    void redirectingToAPersonConnectsTheCallerToThatPerson() {
        String caller = "/caller/" + UUID.randomUUID();
        JsonNode incoming = callAndAwaitIncoming(caller, appUser());
        String person = "8:acs:0a5e0000-ca11-4a7e-8000-000000000001_" + UUID.randomUUID();
        client.redirectCall(incoming.path("data").path("incomingCallContext").asText(),
                new CallInvite(new CommunicationUserIdentifier(person)));
        assertThat(receiver.awaitEventTypes(caller, types -> types.size() >= 2))
                .containsExactly("CallConnected", "ParticipantsUpdated");
        JsonNode roster = receiver.received(caller).get(1).json().get(0).path("data").path("participants");
        assertThat(roster.findValuesAsText("rawId")).contains(person);
    }

    @Test
    void answeringWithAnInvalidContextIs400() {
        assertThatThrownBy(() -> client.answerCall("eyJhbGciOiJub25lIn0.e30.", receiver.url(newCallbackPath())))
                .isInstanceOf(HttpResponseException.class).hasMessageContaining("Incoming Call Context is invalid");
    }

    @Test
    void rejectingOrRedirectingACallAlreadyAnsweredIs400() {
        JsonNode incoming = callAndAwaitIncoming(newCallbackPath(), appUser());
        String context = incoming.path("data").path("incomingCallContext").asText();
        String callee = newCallbackPath();
        client.answerCall(context, receiver.url(callee));
        receiver.awaitEventTypes(callee, types -> types.contains("CallConnected"));
        assertThatThrownBy(() -> client.rejectCall(context)).isInstanceOf(HttpResponseException.class)
                .hasMessageContaining("8523");
        assertThatThrownBy(() -> client.redirectCall(context, new CallInvite(new CommunicationUserIdentifier(person()))))
                .isInstanceOf(HttpResponseException.class).hasMessageContaining("8523");
    }

    @Test
    void anUnansweredIncomingCallRingsOutAndALateAnswerFails() {
        String caller = newCallbackPath();
        int before = receiver.notifications(EmulatorUnderTest.INCOMING_PATH).size();
        createCallRaw("2026-03-12", appUser(), caller);
        JsonNode incoming = receiver.awaitIncomingCall(EmulatorUnderTest.INCOMING_PATH, before + 1);
        assertThat(receiver.awaitEventTypes(caller, types -> types.size() >= 2))
                .containsExactly("CreateCallFailed", "CallDisconnected");
        assertThat(resultOf(caller, 0).path("subCode").asInt()).isEqualTo(10004);

        String late = newCallbackPath();
        HttpResponse<String> answered = http.send("POST", "/calling/callConnections:answer?api-version=2026-03-12",
                "{\"incomingCallContext\":\"" + incoming.path("data").path("incomingCallContext").asText()
                        + "\",\"callbackUri\":\"" + receiver.url(late) + "\"}");
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(receiver.awaitEventTypes(late, types -> types.size() >= 2))
                .containsExactly("AnswerFailed", "CallDisconnected");
        assertThat(resultOf(late, 0).path("code").asInt()).isEqualTo(487);
        assertThat(resultOf(late, 1).path("subCode").asInt()).isEqualTo(10004);
    }

    @Test
    void redirectingToAnotherAppOwnedUserRaisesANewIncomingCall() {
        String caller = newCallbackPath();
        JsonNode incoming = callAndAwaitIncoming(caller, appUser());
        int before = receiver.notifications(EmulatorUnderTest.INCOMING_PATH).size();
        String next = appUser();
        client.redirectCall(incoming.path("data").path("incomingCallContext").asText(),
                new CallInvite(new CommunicationUserIdentifier(next)));
        JsonNode redirected = receiver.awaitIncomingCall(EmulatorUnderTest.INCOMING_PATH, before + 1);
        assertThat(redirected.path("data").path("to").path("rawId").asText()).isEqualTo(next);
        assertThat(redirected.path("data").path("incomingCallContext").asText())
                .isNotEqualTo(incoming.path("data").path("incomingCallContext").asText());
        String callee = newCallbackPath();
        client.answerCall(redirected.path("data").path("incomingCallContext").asText(), receiver.url(callee));
        assertThat(receiver.awaitEventTypes(caller, types -> types.size() >= 2))
                .containsExactly("CallConnected", "ParticipantsUpdated");
    }

    @Test
    void customCallingContextOfAnAddReachesTheIncomingCall() {
        PersonCall call = connectedCallToPersonAt("2026-03-12");
        int before = receiver.notifications(EmulatorUnderTest.INCOMING_PATH).size();
        String target = appUser();
        HttpResponse<String> added = http.send("POST", "/calling/callConnections/" + call.callConnectionId()
                + "/participants:add?api-version=2026-03-12", "{\"participantToAdd\":{\"kind\":\"communicationUser\","
                + "\"rawId\":\"" + target + "\",\"communicationUser\":{\"id\":\"" + target + "\"}},"
                + "\"customCallingContext\":{\"voipHeaders\":{\"voip-key\":\"voip-value\"},"
                + "\"sipHeaders\":{\"X-MS-Custom-Order\":\"42\"}}}");
        assertThat(added.statusCode()).isEqualTo(202);
        JsonNode incoming = receiver.awaitIncomingCall(EmulatorUnderTest.INCOMING_PATH, before + 1);
        assertThat(incoming.path("data").path("customContext").path("voipHeaders").path("voip-key").asText())
                .isEqualTo("voip-value");
        assertThat(incoming.path("data").path("customContext").path("sipHeaders").path("X-MS-Custom-Order").asText())
                .isEqualTo("42");
    }
}
