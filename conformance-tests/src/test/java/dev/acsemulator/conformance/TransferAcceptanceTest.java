package dev.acsemulator.conformance;

import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.common.CommunicationUserIdentifier;
import com.azure.core.exception.HttpResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TransferToParticipant (call-automation-behaviour.md §2.6, §2.7): 1:1, group with a transferee, to an app-owned
 * target, and failures.
 */
class TransferAcceptanceTest extends ConformanceTest {

    @Test
    void transferOfA1to1CallGivesAcceptedThenDisconnected7015() {
        PersonCall call = connectedCallToPerson();
        client.getCallConnection(call.callConnectionId()).transferCallToParticipant(
                new CommunicationUserIdentifier(person()));
        List<String> types = receiver.awaitEventTypes(call.callbackPath(), t -> t.contains("CallDisconnected"));
        assertThat(types).endsWith("CallTransferAccepted", "CallDisconnected");
        assertThat(resultOf(call.callbackPath(), types.size() - 2).path("subCode").asInt()).isEqualTo(7015);
        assertThat(resultOf(call.callbackPath(), types.size() - 1).path("subCode").asInt()).isEqualTo(7015);
    }

    @Test
    void transferToAnAppOwnedTargetRaisesIncomingCallWithTheTransfereeAsCaller() {
        PersonCall call = connectedCallToPerson();
        String target = appUser();
        int before = receiver.notifications(EmulatorUnderTest.INCOMING_PATH).size();
        client.getCallConnection(call.callConnectionId()).transferCallToParticipant(
                new CommunicationUserIdentifier(target));
        JsonNode incoming = receiver.awaitIncomingCall(EmulatorUnderTest.INCOMING_PATH, before + 1);
        assertThat(incoming.path("data").path("to").path("rawId").asText()).isEqualTo(target);
        assertThat(incoming.path("data").path("from").path("rawId").asText()).isEqualTo(call.person());
        String targetPath = newCallbackPath();
        client.answerCall(incoming.path("data").path("incomingCallContext").asText(), receiver.url(targetPath));
        assertThat(receiver.awaitEventTypes(targetPath, t -> t.size() >= 2))
                .containsExactly("CallConnected", "ParticipantsUpdated");
        assertThat(receiver.awaitEventTypes(call.callbackPath(), t -> t.contains("CallDisconnected")))
                .endsWith("CallTransferAccepted", "CallDisconnected");
    }

    @Test
    void aRejectedTransferGivesCallTransferFailedAndTheCallStaysUp() {
        PersonCall call = connectedCallToPerson();
        int before = receiver.notifications(EmulatorUnderTest.INCOMING_PATH).size();
        client.getCallConnection(call.callConnectionId()).transferCallToParticipant(
                new CommunicationUserIdentifier(appUser()));
        JsonNode incoming = receiver.awaitIncomingCall(EmulatorUnderTest.INCOMING_PATH, before + 1);
        client.rejectCall(incoming.path("data").path("incomingCallContext").asText());
        List<String> types = receiver.awaitEventTypes(call.callbackPath(), t -> t.contains("CallTransferFailed"));
        assertThat(types).doesNotContain("CallDisconnected");
        assertThat(client.getCallConnection(call.callConnectionId()).getCallProperties().getCallConnectionState()
                .toString()).isEqualTo("connected");
    }

    @Test
    void transferringToSomeoneAlreadyInTheCallIs400() {
        PersonCall call = connectedCallToPerson();
        assertThatThrownBy(() -> client.getCallConnection(call.callConnectionId()).transferCallToParticipant(
                new CommunicationUserIdentifier(call.person()))).isInstanceOf(HttpResponseException.class)
                .hasMessageContaining("8523");
    }

    @Test
    void aGroupTransferWithATransfereeRemovesOnlyThemAndKeepsTheAppConnected() {
        PersonCall call = connectedCallToPersonAt("2026-03-12");
        String second = person();
        client.getCallConnection(call.callConnectionId()).addParticipant(new CallInvite(
                new CommunicationUserIdentifier(second)));
        receiver.awaitEventTypes(call.callbackPath(), t -> t.contains("AddParticipantSucceeded"));
        String target = person();
        HttpResponse<String> response = http.send("POST", "/calling/callConnections/" + call.callConnectionId()
                + ":transferToParticipant?api-version=2026-03-12", "{\"targetParticipant\":{\"kind\":\"communicationUser\","
                + "\"rawId\":\"" + target + "\",\"communicationUser\":{\"id\":\"" + target + "\"}},\"transferee\":{"
                + "\"kind\":\"communicationUser\",\"rawId\":\"" + second + "\",\"communicationUser\":{\"id\":\""
                + second + "\"}},\"operationContext\":\"ctx-transfer\"}");
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response).path("operationContext").asText()).isEqualTo("ctx-transfer");
        List<String> types = receiver.awaitEventTypes(call.callbackPath(), t -> t.contains("CallTransferAccepted")
                && t.lastIndexOf("ParticipantsUpdated") > t.indexOf("CallTransferAccepted"));
        assertThat(types).doesNotContain("CallDisconnected");
        JsonNode accepted = receiver.received(call.callbackPath()).get(types.indexOf("CallTransferAccepted")).json()
                .get(0).path("data");
        assertThat(accepted.path("transferee").path("rawId").asText()).isEqualTo(second);
        assertThat(accepted.path("transferTarget").path("rawId").asText()).isEqualTo(target);
        assertThat(client.getCallConnection(call.callConnectionId()).listParticipants().stream()
                .map(p -> p.getIdentifier().getRawId()).toList()).doesNotContain(second).contains(call.person());
    }

    @Test
    void theCallATransferLeavesToSimulatedPeopleAloneEndsRatherThanLivingForever() {
        PersonCall call = connectedCallToPerson();
        String target = person();
        client.getCallConnection(call.callConnectionId()).transferCallToParticipant(
                new CommunicationUserIdentifier(target));
        receiver.awaitEventTypes(call.callbackPath(), t -> t.contains("CallDisconnected"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
            for (JsonNode view : control.calls().path("calls")) {
                if (view.path("invitations").findValuesAsText("target").contains(target)) {
                    return "ended".equals(view.path("state").asText());
                }
            }
            return false;
        });
    }
}
