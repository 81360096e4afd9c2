package dev.acsemulator.conformance;

import com.azure.communication.callautomation.CallConnection;
import com.azure.communication.callautomation.models.AddParticipantOptions;
import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.callautomation.models.CallParticipant;
import com.azure.communication.common.CommunicationUserIdentifier;
import com.azure.communication.common.PhoneNumberIdentifier;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Participant operations (call-automation-behaviour.md §2.8–§2.11): get, add, remove, mute, cancel add, move, with
 * their failures.
 */
class ParticipantOperationsAcceptanceTest extends ConformanceTest {

    private static final String V2026 = "?api-version=2026-03-12";

    private static String user(String rawId) {
        return "{\"kind\":\"communicationUser\",\"rawId\":\"" + rawId + "\",\"communicationUser\":{\"id\":\"" + rawId
                + "\"}}";
    }

    private static String phone(String number) {
        return "{\"kind\":\"phoneNumber\",\"rawId\":\"4:" + number + "\",\"phoneNumber\":{\"value\":\"" + number
                + "\"}}";
    }

    private String participantsPath(String callConnectionId, String action) {
        return "/calling/callConnections/" + callConnectionId + "/participants" + action + V2026;
    }

    @Test
    void getParticipantFindsARawIdSentRawOrPercentEncoded() {
        PersonCall call = connectedCallToPerson();
        CallConnection connection = client.getCallConnection(call.callConnectionId());
        connection.addParticipant(new CallInvite(new PhoneNumberIdentifier("+14255550123"),
                new PhoneNumberIdentifier("+18005550100")));
        receiver.awaitEventTypes(call.callbackPath(), types -> types.contains("AddParticipantSucceeded"));

        CallParticipant viaSdk = connection.getParticipant(new PhoneNumberIdentifier("+14255550123"));
        assertThat(viaSdk.getIdentifier().getRawId()).isEqualTo("4:+14255550123");
        HttpResponse<String> encoded = http.send("GET", "/calling/callConnections/" + call.callConnectionId()
                + "/participants/4%3A%2B14255550123" + V2026, null);
        assertThat(encoded.statusCode()).isEqualTo(200);
        assertThat(json(encoded).path("identifier").path("rawId").asText()).isEqualTo("4:+14255550123");
    }

    @Test
    void getParticipantOfSomeoneNotInTheCallIs404() {
        PersonCall call = connectedCallToPerson();
        assertThatThrownBy(() -> client.getCallConnection(call.callConnectionId())
                .getParticipant(new CommunicationUserIdentifier(person())))
                .isInstanceOf(HttpResponseException.class).hasMessageContaining("8522");
    }

    @Test
    void addingSomeoneAlreadyInTheCallIs400() {
        PersonCall call = connectedCallToPerson();
        assertThatThrownBy(() -> client.getCallConnection(call.callConnectionId())
                .addParticipant(new CallInvite(new CommunicationUserIdentifier(call.person()))))
                .isInstanceOf(HttpResponseException.class).hasMessageContaining("8523");
    }

    @Test
    void anUnansweredAddRingsOutWithAddParticipantFailed487And10004() {
        PersonCall call = connectedCallToPerson();
        client.getCallConnection(call.callConnectionId()).addParticipantWithResponse(
                new AddParticipantOptions(new CallInvite(new CommunicationUserIdentifier(appUser())))
                        .setInvitationTimeout(Duration.ofSeconds(1)).setOperationContext("ctx-add"), Context.NONE);
        List<String> types = receiver.awaitEventTypes(call.callbackPath(), t -> t.contains("AddParticipantFailed"));
        JsonNode failed = receiver.received(call.callbackPath()).get(types.indexOf("AddParticipantFailed")).json()
                .get(0).path("data");
        assertThat(failed.path("operationContext").asText()).isEqualTo("ctx-add");
        assertThat(List.of(failed.path("resultInformation").path("code").asInt(),
                failed.path("resultInformation").path("subCode").asInt())).containsExactly(487, 10004);
    }

    @Test
    void removingTheOnlyOtherParticipantEndsTheCallWith5002() {
        PersonCall call = connectedCallToPerson();
        client.getCallConnection(call.callConnectionId()).removeParticipant(
                new CommunicationUserIdentifier(call.person()));
        List<String> types = receiver.awaitEventTypes(call.callbackPath(), t -> t.contains("CallDisconnected"));
        assertThat(types.subList(types.size() - 2, types.size()))
                .containsExactly("RemoveParticipantSucceeded", "CallDisconnected");
        assertThat(resultOf(call.callbackPath(), types.size() - 1).path("subCode").asInt()).isEqualTo(5002);
    }

    @Test
    void removingSomeoneNotInTheCallGivesRemoveParticipantFailed404() {
        PersonCall call = connectedCallToPerson();
        client.getCallConnection(call.callConnectionId()).removeParticipant(new CommunicationUserIdentifier(person()));
        List<String> types = receiver.awaitEventTypes(call.callbackPath(),
                t -> t.contains("RemoveParticipantFailed"));
        assertThat(resultOf(call.callbackPath(), types.indexOf("RemoveParticipantFailed")).path("subCode").asInt())
                .isEqualTo(8522);
    }

    @Test
    void muteIsVisibleOnlyThroughParticipantsUpdated() {
        PersonCall call = connectedCallToPersonAt("2026-03-12");
        int before = receiver.eventTypes(call.callbackPath()).size();
        HttpResponse<String> response = http.send("POST", participantsPath(call.callConnectionId(), ":mute"),
                "{\"targetParticipants\":[" + user(call.person()) + "],\"operationContext\":\"ctx-mute\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("operationContext").asText()).isEqualTo("ctx-mute");
        List<String> types = receiver.awaitEventTypes(call.callbackPath(), t -> t.size() > before);
        assertThat(types.subList(before, types.size())).containsExactly("ParticipantsUpdated");
        JsonNode roster = receiver.received(call.callbackPath()).get(before).json().get(0).path("data")
                .path("participants");
        for (JsonNode participant : roster) {
            boolean isTarget = participant.path("identifier").path("rawId").asText().equals(call.person());
            assertThat(participant.path("isMuted").asBoolean()).isEqualTo(isTarget);
        }
    }

    @Test
    void mutingAPhoneNumberIsRefused() {
        PersonCall call = connectedCallToPerson();
        HttpResponse<String> response = http.send("POST", participantsPath(call.callConnectionId(), ":mute"),
                "{\"targetParticipants\":[" + phone("+14255550123") + "]}");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("8520");
    }

    @Test
    void muteIsRejectedForAnApiVersionThatLacksIt() {
        PersonCall call = connectedCallToPerson();
        HttpResponse<String> response = http.send("POST", "/calling/callConnections/" + call.callConnectionId()
                + "/participants:mute?api-version=2023-03-06", "{\"targetParticipants\":[" + user(call.person()) + "]}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("UnsupportedApiVersion");
    }

    @Test
    void cancellingARingingAddGives487And5234AndNoAddParticipantFailed() {
        PersonCall call = connectedCallToPersonAt("2026-03-12");
        String opPath = newCallbackPath();
        HttpResponse<String> added = http.send("POST", participantsPath(call.callConnectionId(), ":add"),
                "{\"participantToAdd\":" + user(appUser()) + ",\"operationCallbackUri\":\"" + receiver.url(opPath)
                        + "\"}");
        assertThat(added.statusCode()).isEqualTo(202);
        String invitationId = json(added).path("invitationId").asText();
        HttpResponse<String> cancelled = http.send("POST",
                participantsPath(call.callConnectionId(), ":cancelAddParticipant"),
                "{\"invitationId\":\"" + invitationId + "\",\"operationContext\":\"ctx-cancel\"}");
        assertThat(cancelled.statusCode()).isEqualTo(202);
        assertThat(json(cancelled).path("invitationId").asText()).isEqualTo(invitationId);
        List<String> types = receiver.awaitEventTypes(call.callbackPath(),
                t -> t.contains("CancelAddParticipantSucceeded"));
        JsonNode result = resultOf(call.callbackPath(), types.indexOf("CancelAddParticipantSucceeded"));
        assertThat(List.of(result.path("code").asInt(), result.path("subCode").asInt())).containsExactly(487, 5234);
        assertThat(result.path("message").asText()).startsWith("addParticipants failed for participant 8:acs:")
                .endsWith(". Underlying reason: The Call Has Been Cancelled. DiagCode: 487#5234.@");
        assertThat(receiver.eventTypes(call.callbackPath())).doesNotContain("AddParticipantFailed");
        assertThat(receiver.eventTypes(opPath)).doesNotContain("AddParticipantFailed");
    }

    @Test
    void cancellingAnUnknownInvitationGivesCancelAddParticipantFailed() {
        PersonCall call = connectedCallToPersonAt("2026-03-12");
        HttpResponse<String> cancelled = http.send("POST",
                participantsPath(call.callConnectionId(), ":cancelAddParticipant"),
                "{\"invitationId\":\"00000000-0000-0000-0000-00000000cafe\"}");
        assertThat(cancelled.statusCode()).isEqualTo(202);
        assertThat(receiver.awaitEventTypes(call.callbackPath(), t -> t.contains("CancelAddParticipantFailed")))
                .contains("CancelAddParticipantFailed");
    }

    @Test
    void addWithAnOperationCallbackUriSendsThatActionsEventsThere() {
        PersonCall call = connectedCallToPersonAt("2026-03-12");
        String opPath = newCallbackPath();
        HttpResponse<String> added = http.send("POST", participantsPath(call.callConnectionId(), ":add"),
                "{\"participantToAdd\":" + user(person()) + ",\"operationContext\":\"ctx-op\","
                        + "\"operationCallbackUri\":\"" + receiver.url(opPath) + "\"}");
        assertThat(added.statusCode()).isEqualTo(202);
        assertThat(receiver.awaitEventTypes(opPath, t -> !t.isEmpty())).containsExactly("AddParticipantSucceeded");
        assertThat(receiver.awaitEventTypes(call.callbackPath(),
                t -> t.stream().filter("ParticipantsUpdated"::equals).count() >= 2))
                .doesNotContain("AddParticipantSucceeded");
    }

    @Test
    void moveParticipantsBringsAPersonFromTheCallOfAnotherConnection() {
        PersonCall source = connectedCallToPersonAt("2026-03-12");
        PersonCall destination = connectedCallToPersonAt("2026-03-12");
        String fromCall = source.callConnectionId(); // "The CallConnectionId for the call you want to move ... from"
        HttpResponse<String> moved = http.send("POST", participantsPath(destination.callConnectionId(), ":moveHere"),
                "{\"targetParticipants\":[" + user(source.person()) + "],\"fromCall\":\"" + fromCall
                        + "\",\"operationContext\":\"ctx-move\"}");
        assertThat(moved.statusCode()).isEqualTo(202);
        assertThat(json(moved).path("fromCall").asText()).isEqualTo(fromCall);
        List<String> types = receiver.awaitEventTypes(destination.callbackPath(),
                t -> t.contains("MoveParticipantSucceeded"));
        assertThat(types).endsWith("MoveParticipantSucceeded", "ParticipantsUpdated");
        assertThat(receiver.awaitEventTypes(source.callbackPath(), t -> t.contains("CallDisconnected")))
                .endsWith("CallDisconnected");
        assertThat(client.getCallConnection(destination.callConnectionId()).listParticipants().stream().toList())
                .hasSize(3);
    }

    @Test
    void moveFromACallThatDoesNotExistIs400() {
        PersonCall destination = connectedCallToPerson();
        HttpResponse<String> moved = http.send("POST", participantsPath(destination.callConnectionId(), ":moveHere"),
                "{\"targetParticipants\":[" + user(person()) + "],\"fromCall\":\"bm8tc3VjaC1jYWxs\"}");
        assertThat(moved.statusCode()).isEqualTo(400);
    }

    @Test
    void listParticipantsOfAnUnknownCallIs404() {
        HttpResponse<String> response = http.send("GET",
                "/calling/callConnections/00000000-0000-0000-0000-000000000002/participants" + V2026, null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(EmulatorUnderTest.emulator().operationLog().snapshot()).containsKey("CallConnection_GetParticipants");
    }
}
