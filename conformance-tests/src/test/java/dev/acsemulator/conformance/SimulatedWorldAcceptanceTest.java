package dev.acsemulator.conformance;

import com.azure.communication.callautomation.models.AddParticipantOptions;
import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.common.CommunicationUserIdentifier;
import com.azure.communication.common.PhoneNumberIdentifier;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The other side of the call (call-automation-behaviour.md §2, §4): reserved identities that are busy, decline, never
 * answer, are unreachable, forward to voicemail; behaviours set through the control API; simulated people who hang up
 * and hold.
 */
class SimulatedWorldAcceptanceTest extends ConformanceTest {

    private static final String CALLER_ID = "+18005550100";

    private JsonNode addAndAwaitOutcome(PersonCall call, CallInvite invite, Duration timeout) {
        AddParticipantOptions options = new AddParticipantOptions(invite).setOperationContext("ctx-add");
        if (timeout != null) {
            options.setInvitationTimeout(timeout);
        }
        client.getCallConnection(call.callConnectionId()).addParticipantWithResponse(options, Context.NONE);
        List<String> types = receiver.awaitEventTypes(call.callbackPath(),
                t -> t.contains("AddParticipantSucceeded") || t.contains("AddParticipantFailed"));
        int index = Math.max(types.indexOf("AddParticipantSucceeded"), types.indexOf("AddParticipantFailed"));
        return receiver.received(call.callbackPath()).get(index).json().get(0);
    }

    private static List<Integer> codes(JsonNode event) {
        JsonNode result = event.path("data").path("resultInformation");
        return List.of(result.path("code").asInt(), result.path("subCode").asInt());
    }

    private static CallInvite phone(String number) {
        return new CallInvite(new PhoneNumberIdentifier(number), new PhoneNumberIdentifier(CALLER_ID));
    }

    @Test
    void theReservedBusyNumberFailsACreateCallWith486() {
        String path = newCallbackPath();
        createCallRaw("2026-03-12", "4:+15550100001", path);
        assertThat(receiver.awaitEventTypes(path, t -> t.size() >= 2))
                .containsExactly("CreateCallFailed", "CallDisconnected");
        assertThat(resultOf(path, 0).path("code").asInt()).isEqualTo(486);
    }

    @Test
    void aReservedDecliningUserFailsAnAddWith603() {
        JsonNode event = addAndAwaitOutcome(connectedCallToPerson(),
                new CallInvite(new CommunicationUserIdentifier(RESOURCE_USER_PREFIX + "declines")), null);
        assertThat(event.path("type").asText()).endsWith("AddParticipantFailed");
        assertThat(codes(event).get(0)).isEqualTo(603);
    }

    @Test
    void aUserWhoNeverAnswersRingsOutAfterTheInvitationTimeoutWith487And10004() {
        JsonNode event = addAndAwaitOutcome(connectedCallToPerson(),
                new CallInvite(new CommunicationUserIdentifier(RESOURCE_USER_PREFIX + "noanswer")),
                Duration.ofSeconds(1));
        assertThat(event.path("type").asText()).endsWith("AddParticipantFailed");
        assertThat(codes(event)).containsExactly(487, 10004);
    }

    @Test
    void theReservedUnreachableNumberFailsWith480() {
        JsonNode event = addAndAwaitOutcome(connectedCallToPerson(), phone("+15550100004"), null);
        assertThat(event.path("type").asText()).endsWith("AddParticipantFailed");
        assertThat(codes(event).get(0)).isEqualTo(480);
    }

    @Test
    void anUnansweredNumberForwardingToVoicemailCountsAsAnswered() {
        String number = "+1425555" + (1000 + (int) (Math.random() * 8999));
        control.setBehaviour("4:" + number, "{\"response\":\"noAnswer\",\"forwardAfter\":\"PT0.2S\","
                + "\"forwardTo\":\"voicemail\"}");
        JsonNode event = addAndAwaitOutcome(connectedCallToPerson(), phone(number), null);
        assertThat(event.path("type").asText()).endsWith("AddParticipantSucceeded");
    }

    @Test
    void anUnansweredUserForwardingToAnotherUserReachesThem() {
        String forwarder = person();
        String colleague = person();
        control.setBehaviour(forwarder, "{\"response\":\"noAnswer\",\"forwardAfter\":200,\"forwardTo\":\""
                + colleague + "\"}");
        PersonCall call = connectedCallToPerson();
        JsonNode event = addAndAwaitOutcome(call, new CallInvite(new CommunicationUserIdentifier(forwarder)), null);
        assertThat(event.path("type").asText()).endsWith("AddParticipantSucceeded");
        JsonNode view = control.callOfConnection(call.callConnectionId());
        assertThat(view.path("participants").findValuesAsText("rawId")).contains(colleague);
    }

    @Test
    void aPersonWhoHangsUpEndsA1to1CallWith5001() {
        String person = person();
        control.setBehaviour(person, "{\"response\":\"answer\",\"answerAfter\":\"PT0.05S\",\"hangUpAfter\":\"PT0.2S\"}");
        String path = newCallbackPath();
        client.createCall(new CallInvite(new CommunicationUserIdentifier(person)), receiver.url(path));
        assertThat(receiver.awaitEventTypes(path, t -> t.contains("CallDisconnected")))
                .containsExactly("CallConnected", "ParticipantsUpdated", "CallDisconnected");
        assertThat(resultOf(path, 2).path("subCode").asInt()).isEqualTo(5001);
    }

    @Test
    void holdAndHangUpThroughTheControlApiShowInTheAppsEvents() {
        PersonCall call = connectedCallToPersonAt("2026-03-12");
        String serverCallId = control.callOfConnection(call.callConnectionId()).path("serverCallId").asText();
        control.hold(serverCallId, call.person());
        receiver.awaitEventTypes(call.callbackPath(), t -> t.stream().filter("ParticipantsUpdated"::equals)
                .count() >= 2);
        JsonNode roster = receiver.received(call.callbackPath()).get(2).json().get(0).path("data")
                .path("participants");
        for (JsonNode participant : roster) {
            assertThat(participant.path("isOnHold").asBoolean())
                    .isEqualTo(participant.path("identifier").path("rawId").asText().equals(call.person()));
        }
        control.sendDtmf(serverCallId, call.person(), List.of("one", "pound"));
        control.hangUp(serverCallId, call.person());
        assertThat(receiver.awaitEventTypes(call.callbackPath(), t -> t.contains("CallDisconnected")))
                .endsWith("CallDisconnected");
        JsonNode journal = control.call(serverCallId).path("journal");
        assertThat(journal.findValuesAsText("detail")).contains("pressed one, pound", "hung up");
        JsonNode input = journal.findParents("input").get(0);
        assertThat(input.path("kind").asText()).isEqualTo("input");
        assertThat(input.path("subject").asText()).isEqualTo(call.person());
        assertThat(input.path("input").path("tones")).extracting(JsonNode::asText).containsExactly("one", "pound");
    }

    @Test
    void anInboundCallFromASimulatedCallerRaisesIncomingCallAndConnectsWhenAnswered() {
        String to = appUser();
        int before = receiver.notifications(EmulatorUnderTest.INCOMING_PATH).size();
        String serverCallId = control.placeInboundCall("4:+14255550199", to, "Jane Caller",
                Map.of("X-MS-Custom-Account", "42"), Map.of());
        JsonNode incoming = receiver.awaitIncomingCall(EmulatorUnderTest.INCOMING_PATH, before + 1);
        assertThat(incoming.path("data").path("serverCallId").asText()).isEqualTo(serverCallId);
        assertThat(incoming.path("data").path("from").path("rawId").asText()).isEqualTo("4:+14255550199");
        assertThat(incoming.path("data").path("callerDisplayName").asText()).isEqualTo("Jane Caller");
        assertThat(incoming.path("data").path("customContext").path("sipHeaders").path("X-MS-Custom-Account")
                .asText()).isEqualTo("42");
        String path = newCallbackPath();
        client.answerCall(incoming.path("data").path("incomingCallContext").asText(), receiver.url(path));
        assertThat(receiver.awaitEventTypes(path, t -> t.size() >= 2))
                .containsExactly("CallConnected", "ParticipantsUpdated");
        control.hangUp(serverCallId, "4:+14255550199");
        assertThat(receiver.awaitEventTypes(path, t -> t.contains("CallDisconnected"))).endsWith("CallDisconnected");
    }

    @Test
    void anInboundCallThatIsRejectedOrUnansweredEnds() {
        int before = receiver.notifications(EmulatorUnderTest.INCOMING_PATH).size();
        String rejected = control.placeInboundCall("4:+14255550198", appUser(), null, Map.of(), Map.of());
        JsonNode incoming = receiver.awaitIncomingCall(EmulatorUnderTest.INCOMING_PATH, before + 1);
        client.rejectCall(incoming.path("data").path("incomingCallContext").asText());
        await().atMost(Duration.ofSeconds(10)).until(() -> control.call(rejected).path("state").asText(),
                "ended"::equals);
        String unanswered = control.placeInboundCall("4:+14255550197", appUser(), null, Map.of(), Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> control.call(unanswered).path("state").asText(),
                "ended"::equals);
        assertThat(control.call(unanswered).path("invitations").get(0).path("state").asText()).isEqualTo("failed");
    }

    @Test
    void anInboundCallRedirectedToAPersonConnectsThem() {
        int before = receiver.notifications(EmulatorUnderTest.INCOMING_PATH).size();
        String serverCallId = control.placeInboundCall("4:+14255550179", appUser(), null, Map.of(), Map.of());
        JsonNode incoming = receiver.awaitIncomingCall(EmulatorUnderTest.INCOMING_PATH, before + 1);
        String agent = person();
        client.redirectCall(incoming.path("data").path("incomingCallContext").asText(),
                new CallInvite(new CommunicationUserIdentifier(agent)));
        await().atMost(Duration.ofSeconds(10)).until(() -> control.call(serverCallId).path("participants")
                .findValuesAsText("rawId"), roster -> roster.contains(agent) && roster.contains("4:+14255550179"));
    }
}
