package dev.acsemulator.conformance;

import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.common.CommunicationUserIdentifier;
import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.Emulator;
import dev.acsemulator.admin.client.ControlApiException;
import dev.acsemulator.config.EmulatorConfig;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import dev.acsemulator.conformance.support.SignedHttp;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Client-side transfers (the Calling SDK Transfer feature, call-automation-behaviour.md §8): a simulated participant of
 * an application's group call transfers another participant; the application sees the roster change only.
 */
class ClientTransferAcceptanceTest extends ConformanceTest {

    /** An application's group call with a transferor and a transferee, both simulated people. */
    private record GroupCall(String callConnectionId, String path, String serverCallId, String transferor,
                             String transferee) { }

    private GroupCall groupCall() {
        PersonCall call = connectedCallToPerson();
        String transferee = person();
        client.getCallConnection(call.callConnectionId()).addParticipant(new CallInvite(
                new CommunicationUserIdentifier(transferee)));
        receiver.awaitEventTypes(call.callbackPath(), t -> t.contains("AddParticipantSucceeded")
                && t.lastIndexOf("ParticipantsUpdated") > t.indexOf("AddParticipantSucceeded"));
        String serverCallId = control.callOfConnection(call.callConnectionId()).path("serverCallId").asText();
        return new GroupCall(call.callConnectionId(), call.callbackPath(), serverCallId, call.person(), transferee);
    }

    private JsonNode awaitState(String transferId, String state) {
        await().atMost(Duration.ofSeconds(10)).until(() -> control.transferState(transferId).path("state").asText(),
                state::equals);
        return control.transferState(transferId);
    }

    private List<String> roster(String callConnectionId) {
        return control.callOfConnection(callConnectionId).path("participants").findValuesAsText("rawId");
    }

    @Test
    void aTransferThatLeavesTheAppAloneEndsItsCallWith5001() {
        GroupCall call = groupCall();
        String target = person();
        JsonNode transfer = control.transfer(call.serverCallId(), call.transferor(),
                "{\"target\":\"" + target + "\"}");
        assertThat(transfer.path("state").asText()).isEqualTo("Transferring");
        awaitState(transfer.path("id").asText(), "Transferred");
        List<String> types = receiver.awaitEventTypes(call.path(), t -> t.contains("CallDisconnected"));
        assertThat(types).endsWith("CallDisconnected").doesNotContain("CallTransferAccepted", "CallTransferFailed");
        assertThat(resultOf(call.path(), types.size() - 1).path("subCode").asInt()).isEqualTo(5001);
    }

    @Test
    void aSecondTransferOfTheSameCallWhileTheFirstRingsIsRefused() {
        GroupCall call = groupCall();
        control.transfer(call.serverCallId(), call.transferor(), "{\"target\":\"" + person() + "_noanswer\"}");
        assertThatThrownBy(() -> control.transfer(call.serverCallId(), call.transferee(),
                "{\"target\":\"" + person() + "\",\"transferee\":\"" + call.transferor() + "\"}"))
                .hasMessageContaining("409").hasMessageContaining("in progress");
    }

    @Test
    void aTransferToAnAppOwnedTargetRaisesIncomingCallFromTheTransferee() {
        GroupCall call = groupCall();
        int before = receiver.notifications(EmulatorUnderTest.INCOMING_PATH).size();
        String target = appUser();
        String transferId = control.transfer(call.serverCallId(), call.transferor(), "{\"target\":\"" + target
                + "\"}").path("id").asText();
        JsonNode incoming = receiver.awaitIncomingCall(EmulatorUnderTest.INCOMING_PATH, before + 1);
        assertThat(incoming.path("data").path("from").path("rawId").asText()).isEqualTo(call.transferee());
        String path = newCallbackPath();
        client.answerCall(incoming.path("data").path("incomingCallContext").asText(), receiver.url(path));
        assertThat(receiver.awaitEventTypes(path, t -> t.size() >= 2))
                .containsExactly("CallConnected", "ParticipantsUpdated");
        awaitState(transferId, "Transferred");
    }

    @Test
    void aTransferToABusyTargetFailsWithItsCodeAndChangesNothing() {
        GroupCall call = groupCall();
        String transferId = control.transfer(call.serverCallId(), call.transferor(),
                "{\"target\":\"" + RESOURCE_USER_PREFIX + "busy\"}").path("id").asText();
        JsonNode failed = awaitState(transferId, "Failed");
        assertThat(failed.path("error").path("code").asInt()).isEqualTo(486);
        assertThat(roster(call.callConnectionId())).hasSize(3);
    }

    @Test
    void aTransferToAnotherCallJoinsTheTransfereeToIt() {
        GroupCall call = groupCall();
        String otherPath = newCallbackPath();
        String otherId = client.createCall(new CallInvite(new CommunicationUserIdentifier(call.transferor())),
                receiver.url(otherPath)).getCallConnectionProperties().getCallConnectionId();
        receiver.awaitEventTypes(otherPath, t -> t.contains("ParticipantsUpdated"));
        String otherCall = control.callOfConnection(otherId).path("serverCallId").asText();
        String transferId = control.transfer(call.serverCallId(), call.transferor(),
                "{\"targetCallId\":\"" + otherCall + "\"}").path("id").asText();
        awaitState(transferId, "Transferred");
        await().atMost(Duration.ofSeconds(10)).until(() -> roster(otherId).contains(call.transferee()));
        assertThat(roster(otherId)).doesNotContain(call.transferor());
        assertThat(roster(call.callConnectionId())).doesNotContain(call.transferee(), call.transferor());
    }

    @Test
    void aTransferToATeamsUsersVoicemailSucceeds() {
        GroupCall call = groupCall();
        String transferId = control.transfer(call.serverCallId(), call.transferor(),
                "{\"targetVoicemail\":\"8:orgid:" + UUID.randomUUID() + "\"}").path("id").asText();
        awaitState(transferId, "Transferred");
    }

    @Test
    void transferringToOneselfOrFromANonParticipantIsRefused() {
        GroupCall call = groupCall();
        assertThatThrownBy(() -> control.transfer(call.serverCallId(), call.transferor(),
                "{\"target\":\"" + call.transferor() + "\"}")).isInstanceOf(ControlApiException.class)
                .hasMessageContaining("400");
        assertThatThrownBy(() -> control.transfer(call.serverCallId(), person(), "{\"target\":\"" + person() + "\"}"))
                .isInstanceOf(ControlApiException.class).hasMessageContaining("404");
        assertThatThrownBy(() -> control.transfer(call.serverCallId(), call.transferor(), "{}"))
                .isInstanceOf(ControlApiException.class).hasMessageContaining("400");
    }

    @Test
    void forwardingSettingsApplyUnlessDisabledThenTheUnansweredTransferFails() {
        try (Emulator virtual = Emulator.start(EmulatorConfig.builder().httpsPort(0).httpPort(-1)
                .dataDir(EmulatorUnderTest.emulator().config().dataDir())
                .clockMode(EmulatorConfig.ClockMode.VIRTUAL).answerDelay(Duration.ofMillis(100)).build())) {
            SignedHttp raw = new SignedHttp(virtual);
            String forwarder = person();
            virtual.control().setBehaviour(forwarder, "{\"response\":\"noAnswer\",\"forwardAfter\":\"PT10S\","
                    + "\"forwardTo\":\"voicemail\"}");
            for (boolean disable : List.of(false, true)) {
                String path = newCallbackPath();
                String transferor = person();
                String id = json(raw.send("POST", "/calling/callConnections?api-version=2026-03-12",
                        "{\"targets\":[{\"rawId\":\"" + transferor + "\"},{\"rawId\":\"" + person() + "\"}],"
                                + "\"callbackUri\":\"" + receiver.url(path) + "\"}")).path("callConnectionId").asText();
                receiver.awaitEventTypes(path, t -> t.stream().filter("ParticipantsUpdated"::equals).count() >= 2);
                String serverCallId = virtual.control().callOfConnection(id).path("serverCallId").asText();
                String transferId = virtual.control().transfer(serverCallId, transferor, "{\"target\":\"" + forwarder
                        + "\",\"disableForwardingAndUnanswered\":" + disable + "}").path("id").asText();
                await().atMost(Duration.ofSeconds(10)).until(() -> !virtual.control().transferState(transferId)
                        .path("state").asText().equals("Transferring"));
                JsonNode state = virtual.control().transferState(transferId);
                if (disable) {
                    assertThat(state.path("state").asText()).isEqualTo("Failed");
                    assertThat(state.path("error").path("subCode").asInt()).isEqualTo(10004);
                } else {
                    assertThat(state.path("state").asText()).isEqualTo("Transferred");
                }
            }
        }
    }
}
