package dev.acsemulator.conformance;

import com.azure.communication.callautomation.CallConnection;
import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.callautomation.models.CreateGroupCallOptions;
import com.azure.communication.common.CommunicationIdentifier;
import com.azure.communication.common.CommunicationUserIdentifier;
import com.azure.communication.common.PhoneNumberIdentifier;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.conformance.support.SchemaCheck;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import dev.acsemulator.conformance.support.EmulatorUnderTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hang-up, terminate, connect and group calls across several applications (call-automation-behaviour.md §2.2, §2.5,
 * §2.20).
 */
class CallLifecycleAcceptanceTest extends ConformanceTest {

    @Test
    void hangUpGives7000ToTheLeaverAnd5010ToTheOtherApplication() {
        AppToAppCall call = connectedAppToAppCall();
        client.getCallConnection(call.callerId()).hangUp(false);
        receiver.awaitEventTypes(call.callerPath(), types -> types.contains("CallDisconnected"));
        receiver.awaitEventTypes(call.calleePath(), types -> types.contains("CallDisconnected"));
        assertThat(resultOf(call.callerPath(), 2).path("subCode").asInt()).isEqualTo(7000);
        JsonNode remaining = resultOf(call.calleePath(), 2);
        assertThat(remaining.path("subCode").asInt()).isEqualTo(5010);
        assertThat(remaining.path("message").asText()).isEqualTo("This conversation has ended as only one participant "
                + "was remaining in the conversation. DiagCode: 0#5010.@");
    }

    @Test
    void terminateGives7000ToTheTerminatingConnectionAndToTheOtherApplication() {
        AppToAppCall call = connectedAppToAppCall();
        client.getCallConnection(call.calleeId()).hangUp(true);
        receiver.awaitEventTypes(call.callerPath(), types -> types.contains("CallDisconnected"));
        receiver.awaitEventTypes(call.calleePath(), types -> types.contains("CallDisconnected"));
        JsonNode terminating = resultOf(call.calleePath(), 2);
        assertThat(terminating.path("subCode").asInt()).isEqualTo(7000);
        assertThat(terminating.path("message").asText()).isEqualTo(
                "Call was ended by Azure Communication Service Call Automation API or a server bot. DiagCode: 0#7000.@");
        JsonNode other = resultOf(call.callerPath(), 2);
        assertThat(other.path("subCode").asInt()).isEqualTo(7000);
        assertThat(other.path("message").asText()).isEqualTo(
                "Call was ended by Azure Communication Service Call Automation API or a server bot. DiagCode: 0#7000.@");
    }

    @Test
    void anApplicationRemovedByAnotherGets5300OnItsOwnConnection() {
        AppToAppCall call = connectedAppToAppCall();
        client.getCallConnection(call.callerId()).removeParticipant(new CommunicationUserIdentifier(call.calleeRawId()));
        List<String> calleeTypes = receiver.awaitEventTypes(call.calleePath(), t -> t.contains("CallDisconnected"));
        JsonNode result = resultOf(call.calleePath(), calleeTypes.indexOf("CallDisconnected"));
        assertThat(List.of(result.path("code").asInt(), result.path("subCode").asInt())).containsExactly(200, 5300);
        assertThat(result.path("message").asText()).isEqualTo("Call ended for this participant as it was removed from "
                + "the conversation by another participant. DiagCode: 0#5300.@");
        assertThat(receiver.awaitEventTypes(call.callerPath(), t -> t.contains("RemoveParticipantSucceeded")))
                .contains("RemoveParticipantSucceeded");
    }

    @Test
    void actionsOnAnEndedCallAre404CallNotFound() {
        PersonCall call = connectedCallToPerson();
        CallConnection connection = client.getCallConnection(call.callConnectionId());
        connection.hangUp(false);
        receiver.awaitEventTypes(call.callbackPath(), types -> types.contains("CallDisconnected"));
        assertThatThrownBy(() -> connection.hangUp(false)).isInstanceOf(HttpResponseException.class)
                .satisfies(e -> assertThat(((HttpResponseException) e).getResponse().getStatusCode()).isEqualTo(404));
        assertThatThrownBy(connection::getCallProperties).isInstanceOf(HttpResponseException.class)
                .hasMessageContaining("8522");
    }

    @Test
    void terminateOfAnUnknownCallIs404() {
        assertThatThrownBy(() -> client.getCallConnection("00000000-0000-0000-0000-000000000001").hangUp(true))
                .isInstanceOf(HttpResponseException.class).hasMessageContaining("8522");
    }

    @Test
    void anApplicationConnectingToAnExistingCallListensInWithoutJoiningAnyRoster() {
        AppToAppCall call = connectedAppToAppCall();
        String path = newCallbackPath();
        HttpResponse<String> response = http.send("POST", "/calling/callConnections:connect?api-version=2026-03-12",
                "{\"callLocator\":{\"kind\":\"serverCallLocator\",\"serverCallId\":\"" + call.serverCallId() + "\"},"
                        + "\"callbackUri\":\"" + receiver.url(path) + "\",\"operationContext\":\"ctx-connect\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("callConnectionState").asText()).isEqualTo("connecting");
        String botId = json(response).path("callConnectionId").asText();
        assertThat(receiver.awaitEventTypes(path, types -> types.size() >= 3))
                .containsExactly("ParticipantsUpdated", "CallConnected", "ParticipantsUpdated");
        JsonNode roster = receiver.received(path).get(0).json().get(0).path("data");
        assertThat(roster.path("participants").findValuesAsText("rawId")).hasSize(2).contains(call.calleeRawId());
        assertThat(roster.path("sequenceNumber").asInt()).isEqualTo(2);
        JsonNode repeated = receiver.received(path).get(2).json().get(0).path("data");
        assertThat(repeated.path("participants").findValuesAsText("rawId")).as("the same list again, as recorded")
                .containsExactlyElementsOf(roster.path("participants").findValuesAsText("rawId"));
        assertThat(repeated.path("sequenceNumber").asInt()).isEqualTo(3);
        assertThat(receiver.received(path).get(1).json().get(0).path("data").path("operationContext").asText())
                .isEqualTo("ctx-connect");

        client.getCallConnection(botId).hangUp(false);
        assertThat(receiver.awaitEventTypes(path, types -> types.contains("CallDisconnected")))
                .containsExactly("ParticipantsUpdated", "CallConnected", "ParticipantsUpdated", "CallDisconnected");
        assertThat(client.getCallConnection(call.callerId()).getCallProperties().getCallConnectionState().toString())
                .as("the call goes on when the listening application leaves").isEqualTo("connected");

        client.getCallConnection(call.callerId()).hangUp(false);
        assertThat(receiver.awaitEventTypes(call.callerPath(), types -> types.contains("CallDisconnected")))
                .as("the others heard nothing of the listening application")
                .containsExactly("CallConnected", "ParticipantsUpdated", "CallDisconnected");
    }

    @Test
    void connectToACallThatDoesNotExistGivesConnectFailedForTheCallAskedFor() {
        String path = newCallbackPath();
        HttpResponse<String> response = http.send("POST", "/calling/callConnections:connect?api-version=2026-03-12",
                "{\"callLocator\":{\"kind\":\"serverCallLocator\",\"serverCallId\":\"bm8tc3VjaC1jYWxs\"},"
                        + "\"callbackUri\":\"" + receiver.url(path) + "\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("serverCallId").asText()).isEqualTo("bm8tc3VjaC1jYWxs");
        assertThat(receiver.awaitEventTypes(path, types -> !types.isEmpty())).containsExactly("ConnectFailed");
        assertThat(receiver.received(path).get(0).json().get(0).path("data").path("serverCallId").asText())
                .isEqualTo("bm8tc3VjaC1jYWxs");
    }

    @Test
    void connectIsServedAt20240122PreviewWhereTheRecordedServiceAnsweredIt() {
        String path = newCallbackPath();
        HttpResponse<String> response = http.send("POST",
                "/calling/callConnections:connect?api-version=2024-01-22-preview",
                "{\"callLocator\":{\"kind\":\"groupCallLocator\",\"groupCallId\":\"" + java.util.UUID.randomUUID()
                        + "\"},\"callbackUri\":\"" + receiver.url(path) + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        SchemaCheck.response("2024-01-22-preview", "CallConnectionProperties", json(response), "Connect");
        assertThat(receiver.awaitEventTypes(path, types -> types.contains("CallConnected"))).contains("CallConnected");
    }

    @Test
    void connectIsRejectedForAnApiVersionThatLacksIt() {
        HttpResponse<String> response = http.send("POST", "/calling/callConnections:connect?api-version=2023-03-06",
                "{\"callLocator\":{\"kind\":\"serverCallLocator\",\"serverCallId\":\"x\"},"
                        + "\"callbackUri\":\"http://127.0.0.1:9/cb\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("UnsupportedApiVersion");
    }

    @Test
    void aGroupCallConnectsOnTheFirstAnswerAndListsEveryoneWhoJoined() {
        String path = newCallbackPath();
        List<CommunicationIdentifier> targets = List.of(new CommunicationUserIdentifier(person()),
                new PhoneNumberIdentifier("+14255550199"));
        CreateGroupCallOptions options = new CreateGroupCallOptions(targets, receiver.url(path))
                .setSourceCallIdNumber(new PhoneNumberIdentifier("+18005550100")).setOperationContext("ctx-group");
        String id = client.createGroupCallWithResponse(options, Context.NONE).getValue()
                .getCallConnectionProperties().getCallConnectionId();
        List<String> types = receiver.awaitEventTypes(path,
                t -> t.stream().filter("ParticipantsUpdated"::equals).count() >= 2);
        assertThat(types.get(0)).isEqualTo("CallConnected");
        assertThat(client.getCallConnection(id).listParticipants().stream().toList()).hasSize(3);
        JsonNode connected = receiver.received(path).get(0).json().get(0).path("data");
        assertThat(connected.path("operationContext").asText()).isEqualTo("ctx-group");
    }

    @Test
    void callingAPhoneNumberWithoutACallerIdIs400() {
        assertThatThrownBy(() -> client.createCall(new CallInvite(new PhoneNumberIdentifier("+14255550123"), null),
                receiver.url(newCallbackPath()))).isInstanceOf(HttpResponseException.class)
                .hasMessageContaining("sourceCallerIdNumber");
    }

    @Test
    void connectByGroupAndRoomIdJoinsTheSameCallEachTime() {
        for (String locator : List.of("\"kind\":\"groupCallLocator\",\"groupCallId\":\"" + java.util.UUID.randomUUID(),
                "\"kind\":\"roomCallLocator\",\"roomId\":\"" + java.util.UUID.randomUUID())) {
            String first = newCallbackPath();
            String second = newCallbackPath();
            String body = "{\"callLocator\":{" + locator + "\"},\"callbackUri\":\"%s\"}";
            HttpResponse<String> one = http.send("POST", "/calling/callConnections:connect?api-version=2026-03-12",
                    String.format(body, receiver.url(first)));
            receiver.awaitEventTypes(first, types -> types.contains("CallConnected"));
            HttpResponse<String> two = http.send("POST", "/calling/callConnections:connect?api-version=2026-03-12",
                    String.format(body, receiver.url(second)));
            receiver.awaitEventTypes(second, types -> types.contains("CallConnected"));
            assertThat(json(two).path("serverCallId").asText()).isEqualTo(json(one).path("serverCallId").asText());
            assertThat(receiver.awaitEventTypes(first,
                    types -> types.stream().filter("ParticipantsUpdated"::equals).count() >= 2))
                    .endsWith("ParticipantsUpdated");
        }
    }

    @Test
    void theParticipantsNextLinkIsAbsoluteAndCarriesTheApiVersion() {
        PersonCall call = connectedCallToPersonAt("2026-03-12");
        http.send("POST", "/calling/callConnections/" + call.callConnectionId() + "/participants:add?api-version=2026-03-12",
                "{\"participantToAdd\":{\"rawId\":\"" + person() + "\"}}");
        receiver.awaitEventTypes(call.callbackPath(), types -> types.contains("AddParticipantSucceeded"));
        JsonNode page = json(http.send("GET", "/calling/callConnections/" + call.callConnectionId()
                + "/participants?api-version=2026-03-12", null));
        assertThat(page.path("value")).hasSize(2);
        String nextLink = page.path("nextLink").asText();
        assertThat(nextLink).startsWith(EmulatorUnderTest.emulator().httpsEndpoint().replace("/", "/").substring(0, 8))
                .contains("api-version=2026-03-12");
        String pathAndQuery = java.net.URI.create(nextLink).getRawPath() + "?" + java.net.URI.create(nextLink)
                .getRawQuery();
        JsonNode next = json(http.send("GET", pathAndQuery, null));
        assertThat(next.path("value")).hasSize(1);
        assertThat(next.has("nextLink")).isFalse();
    }
}
