package dev.acsemulator.conformance;

import com.azure.communication.callautomation.models.AddParticipantOptions;
import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.common.CommunicationUserIdentifier;
import com.azure.communication.common.PhoneNumberIdentifier;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.Emulator;
import dev.acsemulator.admin.client.ControlApiException;
import dev.acsemulator.admin.client.ControlClient;
import dev.acsemulator.config.EmulatorConfig;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import dev.acsemulator.conformance.support.SignedHttp;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A person set to {@code manual} answers or declines a ringing invitation by hand through the control API (a phone in
 * the browser): the application sees exactly what an automatic answer or the {@code decline} behaviour gives, and an
 * invitation left alone rings out as {@code noAnswer} does.
 */
class ManualPersonAcceptanceTest extends ConformanceTest {

    private static final String CALLER_ID = "+18005550100";
    private static final String MANUAL_NUMBER = "4:+15550100009";

    /** The invitation of that call ringing {@code target} by hand, once it is listed. */
    private JsonNode ringingByHand(String serverCallId, String target) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode invitation : control.invitations(true, "ringing").path("invitations")) {
                if (invitation.path("target").asText().equals(target)
                        && (serverCallId == null || invitation.path("serverCallId").asText().equals(serverCallId))) {
                    return invitation;
                }
            }
            return null;
        }, invitation -> invitation != null);
    }

    private String manualPerson() {
        String person = person();
        assertThat(control.setBehaviour(person, "{\"response\":\"manual\"}").path("behaviour").path("response")
                .asText()).isEqualTo("manual");
        return person;
    }

    private static void assertRefused(Runnable action, int status, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ControlApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    private static List<Integer> codes(JsonNode event) {
        JsonNode result = event.path("data").path("resultInformation");
        return List.of(result.path("code").asInt(), result.path("subCode").asInt());
    }

    private List<List<Integer>> codesOf(String path) {
        List<List<Integer>> codes = new ArrayList<>();
        receiver.received(path).forEach(callback -> codes.add(codes(callback.json().get(0))));
        return codes;
    }

    private String serverCallIdOf(String callConnectionId) {
        return control.callOfConnection(callConnectionId).path("serverCallId").asText();
    }

    /** AddParticipant of a phone number (the Java SDK 1.0.4 does not read the invitation id of the answer). */
    private void addPhone(PersonCall call, String rawId, Duration timeout) {
        AddParticipantOptions options = new AddParticipantOptions(new CallInvite(
                new PhoneNumberIdentifier(rawId.substring(2)), new PhoneNumberIdentifier(CALLER_ID)))
                .setOperationContext("ctx-add");
        if (timeout != null) {
            options.setInvitationTimeout(timeout);
        }
        client.getCallConnection(call.callConnectionId()).addParticipantWithResponse(options, Context.NONE);
    }

    /** The id of the call's invitation to {@code target}, in any state. */
    private String invitationIdOf(String serverCallId, String target) {
        for (JsonNode invitation : control.call(serverCallId).path("invitations")) {
            if (invitation.path("target").asText().equals(target)) {
                return invitation.path("invitationId").asText();
            }
        }
        throw new AssertionError("No invitation to " + target + " in " + control.call(serverCallId));
    }

    private JsonNode outcomeOfAdd(PersonCall call) {
        List<String> types = receiver.awaitEventTypes(call.callbackPath(),
                t -> t.contains("AddParticipantSucceeded") || t.contains("AddParticipantFailed"));
        int index = Math.max(types.indexOf("AddParticipantSucceeded"), types.indexOf("AddParticipantFailed"));
        return receiver.received(call.callbackPath()).get(index).json().get(0);
    }

    @Test
    void aCallToAManualUserRingsUntilAnsweredByHandThenConnectsAsAnAutomaticAnswerDoes() {
        String person = manualPerson();
        String path = newCallbackPath();
        String id = client.createCall(new CallInvite(new CommunicationUserIdentifier(person)), receiver.url(path))
                .getCallConnectionProperties().getCallConnectionId();
        String serverCallId = serverCallIdOf(id);

        JsonNode invitation = ringingByHand(serverCallId, person);
        assertThat(invitation.path("manual").asBoolean()).isTrue();
        assertThat(invitation.path("state").asText()).isEqualTo("ringing");
        assertThat(invitation.path("operation").asText()).isEqualTo("CreateCall");
        assertThat(receiver.received(path)).as("nothing before the person answers").isEmpty();
        control.answerInvitation(serverCallId, invitation.path("invitationId").asText());

        assertThat(receiver.awaitEventTypes(path, t -> t.size() >= 2))
                .containsExactly("CallConnected", "ParticipantsUpdated");
        PersonCall automatic = connectedCallToPerson();
        assertThat(receiver.received(path)).extracting(callback -> callback.json().get(0).path("type").asText())
                .isEqualTo(receiver.received(automatic.callbackPath()).stream()
                        .map(callback -> callback.json().get(0).path("type").asText()).toList());
        JsonNode view = control.call(serverCallId).path("invitations").get(0);
        assertThat(view.path("state").asText()).isEqualTo("answered");
        assertThat(view.path("manual").asBoolean()).isTrue();
        assertThat(control.call(serverCallId).path("participants").findValuesAsText("rawId")).contains(person);
    }

    @Test
    void aCallDeclinedByHandFailsWithTheDeclineBehavioursEventsAndCodes() {
        String person = manualPerson();
        String path = newCallbackPath();
        String id = createCallRaw("2026-03-12", person, path).path("callConnectionId").asText();
        String serverCallId = serverCallIdOf(id);

        control.declineInvitation(serverCallId, ringingByHand(serverCallId, person).path("invitationId").asText());

        List<String> types = receiver.awaitEventTypes(path, t -> t.size() >= 2);
        String declinesPath = newCallbackPath();
        createCallRaw("2026-03-12", RESOURCE_USER_PREFIX + "declines", declinesPath);
        assertThat(types).isEqualTo(receiver.awaitEventTypes(declinesPath, t -> t.size() >= 2))
                .containsExactly("CreateCallFailed", "CallDisconnected");
        assertThat(codesOf(path)).isEqualTo(codesOf(declinesPath)).containsOnly(List.of(603, 560603));
    }

    @Test
    void anAddOfTheManualNumberAnsweredByHandSucceeds() {
        PersonCall call = connectedCallToPerson();
        String serverCallId = serverCallIdOf(call.callConnectionId());

        addPhone(call, MANUAL_NUMBER, null);
        JsonNode ringing = ringingByHand(serverCallId, MANUAL_NUMBER);
        assertThat(ringing.path("operation").asText()).isEqualTo("CallConnection_AddParticipant");
        assertThat(ringing.path("from").asText()).isEqualTo("4:" + CALLER_ID);
        String invitationId = ringing.path("invitationId").asText();
        assertThat(invitationId).isEqualTo(invitationIdOf(serverCallId, MANUAL_NUMBER));
        control.answerInvitation(serverCallId, invitationId);

        JsonNode outcome = outcomeOfAdd(call);
        assertThat(outcome.path("type").asText()).endsWith("AddParticipantSucceeded");
        assertThat(outcome.path("data").path("operationContext").asText()).isEqualTo("ctx-add");
        await().atMost(Duration.ofSeconds(10)).until(() -> control.call(serverCallId).path("participants")
                .findValuesAsText("rawId").contains(MANUAL_NUMBER));
    }

    @Test
    void anAddOfTheManualNumberLeftAloneRingsOutAsNoAnswerAndCanThenNoLongerBeAnswered() {
        PersonCall call = connectedCallToPerson();
        String serverCallId = serverCallIdOf(call.callConnectionId());
        addPhone(call, MANUAL_NUMBER, Duration.ofSeconds(1));
        JsonNode manualOutcome = outcomeOfAdd(call);
        String invitationId = invitationIdOf(serverCallId, MANUAL_NUMBER);

        PersonCall other = connectedCallToPerson();
        addPhone(other, "4:+15550100003", Duration.ofSeconds(1));
        JsonNode noAnswerOutcome = outcomeOfAdd(other);
        assertThat(manualOutcome.path("type").asText()).isEqualTo(noAnswerOutcome.path("type").asText())
                .endsWith("AddParticipantFailed");
        assertThat(codes(manualOutcome)).isEqualTo(codes(noAnswerOutcome)).containsExactly(480, 560480);

        assertRefused(() -> control.answerInvitation(serverCallId, invitationId), 409, "Conflict");
        assertRefused(() -> control.declineInvitation(serverCallId, invitationId), 409, "Conflict");
        assertThat(control.invitations(true, "failed").path("invitations").findValuesAsText("invitationId"))
                .contains(invitationId);
    }

    @Test
    void aTransferToAManualPersonIsAcceptedOnlyWhenTheyAnswerByHand() {
        PersonCall call = connectedCallToPerson();
        String target = manualPerson();
        client.getCallConnection(call.callConnectionId()).transferCallToParticipant(
                new CommunicationUserIdentifier(target));

        JsonNode invitation = ringingByHand(null, target);
        assertThat(receiver.eventTypes(call.callbackPath())).doesNotContain("CallTransferAccepted");
        control.answerInvitation(invitation.path("serverCallId").asText(),
                invitation.path("invitationId").asText());

        List<String> types = receiver.awaitEventTypes(call.callbackPath(), t -> t.contains("CallDisconnected"));
        assertThat(types).endsWith("CallTransferAccepted", "CallDisconnected");
        assertThat(resultOf(call.callbackPath(), types.size() - 2).path("subCode").asInt()).isEqualTo(7015);
    }

    @Test
    void aSimulatedCallerWhoHangsUpBeforeTheAppAnswersEndsTheCallAndCancelsTheInvitation() {
        int before = receiver.notifications(EmulatorUnderTest.INCOMING_PATH).size();
        String caller = "4:+14255550177";
        String serverCallId = control.placeInboundCall(caller, appUser(), "Impatient Caller", Map.of(), Map.of());
        receiver.awaitIncomingCall(EmulatorUnderTest.INCOMING_PATH, before + 1);
        JsonNode ringing = control.call(serverCallId).path("invitations").get(0);
        assertThat(ringing.path("operation").asText()).isEqualTo("InboundCall");
        assertThat(ringing.path("callerDisplayName").asText()).isEqualTo("Impatient Caller");

        control.hangUp(serverCallId, caller);

        assertThat(control.call(serverCallId).path("state").asText()).isEqualTo("ended");
        assertThat(control.call(serverCallId).path("invitations").get(0).path("state").asText())
                .isEqualTo("cancelled");
    }

    @Test
    void actingOnAnInvitationThatIsNotManualIsAConflictAndOnAnUnknownOneNotFound() {
        PersonCall call = connectedCallToPerson();
        String serverCallId = serverCallIdOf(call.callConnectionId());
        JsonNode answered = control.call(serverCallId).path("invitations").get(0);
        assertThat(answered.path("manual").asBoolean()).isFalse();

        assertRefused(() -> control.answerInvitation(serverCallId, answered.path("invitationId").asText()), 409,
                "Conflict");
        assertRefused(() -> control.declineInvitation(serverCallId, "no-such-invitation"), 404, "NotFound");
        assertRefused(() -> control.answerInvitation("no-such-call", answered.path("invitationId").asText()), 404,
                "NotFound");
        assertRefused(() -> control.invitations(null, "ringingish"), 400, "BadRequest");
        HttpResponse<String> badFilter = http.send("GET", "/admin/invitations?manual=yes", null);
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(json(badFilter).path("error").path("code").asText()).isEqualTo("BadRequest");
        assertThat(receiver.awaitEventTypes(call.callbackPath(), t -> t.size() >= 2))
                .as("the call is not disturbed").containsExactly("CallConnected", "ParticipantsUpdated");
    }

    @Test
    void onAManualClockTheInvitationRingsUntilTheRingTimeoutIsAdvancedPastAndCanBeAnsweredBefore() {
        try (Emulator emulator = Emulator.start(EmulatorConfig.builder().httpsPort(0).httpPort(-1)
                .dataDir(EmulatorUnderTest.emulator().config().dataDir()).clockMode(EmulatorConfig.ClockMode.MANUAL)
                .ringTimeout(Duration.ofSeconds(30)).build())) {
            SignedHttp manualHttp = new SignedHttp(emulator);
            ControlClient manualControl = emulator.control();
            String person = person();
            manualControl.setBehaviour(person, "{\"response\":\"manual\"}");
            String answeredPath = newCallbackPath();
            String leftAlonePath = newCallbackPath();
            String answeredCall = manualControl.callOfConnection(createCallOn(manualHttp, person, answeredPath))
                    .path("serverCallId").asText();
            createCallOn(manualHttp, person, leftAlonePath);

            manualControl.advanceClock("PT29S");
            JsonNode ringing = manualControl.invitations(true, "ringing").path("invitations");
            assertThat(ringing).hasSize(2);
            assertThat(receiver.eventTypes(answeredPath)).isEmpty();
            assertThat(receiver.eventTypes(leftAlonePath)).isEmpty();
            manualControl.answerInvitation(answeredCall, manualControl.call(answeredCall).path("invitations").get(0)
                    .path("invitationId").asText());
            assertThat(receiver.awaitEventTypes(answeredPath, t -> t.size() >= 2))
                    .containsExactly("CallConnected", "ParticipantsUpdated");
            assertThat(receiver.received(answeredPath).get(0).json().get(0).path("time").asText())
                    .startsWith("2026-01-01T00:00:29.0000000");

            manualControl.advanceClock("PT1S");
            assertThat(receiver.awaitEventTypes(leftAlonePath, t -> t.size() >= 2))
                    .containsExactly("CreateCallFailed", "CallDisconnected");
            assertThat(codesOf(leftAlonePath)).containsOnly(List.of(487, 10004));
            assertThat(receiver.eventTypes(answeredPath)).as("the answered call goes on")
                    .containsExactly("CallConnected", "ParticipantsUpdated");
        }
    }

    /** CreateCall on another emulator; answers the new connection's id. */
    private String createCallOn(SignedHttp emulatorHttp, String target, String callbackPath) {
        HttpResponse<String> created = emulatorHttp.send("POST", "/calling/callConnections?api-version=2026-03-12",
                "{\"targets\":[{\"kind\":\"communicationUser\",\"rawId\":\"" + target + "\","
                        + "\"communicationUser\":{\"id\":\"" + target + "\"}}],\"callbackUri\":\""
                        + receiver.url(callbackPath) + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("callConnectionId").asText();
    }
}
