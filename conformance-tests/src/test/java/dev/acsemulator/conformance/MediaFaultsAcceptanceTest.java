package dev.acsemulator.conformance;

import com.azure.communication.callautomation.models.CallMediaRecognizeDtmfOptions;
import com.azure.communication.callautomation.models.FileSource;
import com.azure.communication.callautomation.models.PlayToAllOptions;
import com.azure.communication.callautomation.models.events.PlayFailed;
import com.azure.communication.callautomation.models.events.RecognizeFailed;
import com.azure.communication.common.CommunicationUserIdentifier;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code failOutcome} fault rules on media operations, through the control API: the operation is accepted, then ends
 * with its failure event and the rule's result (or the operation's usual media code) instead of running. Play and
 * Recognize go through the Java SDK 1.0.4; SendDtmfTones and Hold, which it lacks, through signed HTTP.
 */
class MediaFaultsAcceptanceTest extends ConformanceTest {

    private static final String API = "2026-03-12";
    /** Never fetched: the fault strikes before the file would be downloaded. */
    private static final String UNREACHABLE_WAV = "http://127.0.0.1:9/menu.wav";

    @Test
    void aPlayStruckByARuleWithoutCodesIsAcceptedThenFailsWith8535AndNoPlayStarted() {
        PersonCall call = connectedCallToPersonAt(API);
        addRule("{\"count\":1,\"match\":{\"operation\":\"CallMedia_Play\",\"callConnectionId\":\""
                + call.callConnectionId() + "\"},\"fault\":{\"type\":\"failOutcome\"}}");

        int status = client.getCallConnection(call.callConnectionId()).getCallMedia().playToAllWithResponse(
                new PlayToAllOptions(new FileSource().setUrl(UNREACHABLE_WAV)).setOperationContext("menu"),
                Context.NONE).getStatusCode();

        assertThat(status).isEqualTo(202);
        receiver.awaitEventSequence(call.callbackPath(), "CallConnected", "ParticipantsUpdated", "PlayFailed");
        PlayFailed failed = (PlayFailed) receiver.events(call.callbackPath()).get(2);
        assertThat(failed.getOperationContext()).isEqualTo("menu");
        assertThat(List.of(failed.getResultInformation().getCode(), failed.getResultInformation().getSubCode()))
                .containsExactly(400, 8535);
        assertThat(failed.getResultInformation().getMessage()).isEqualTo("Action failed, file format is invalid.");
        assertThat(appliedOperations()).contains("CallMedia_Play");
    }

    @Test
    void aRecognizeStruckByARuleFailsWithTheRulesCodeAndThePersonHearsNoPrompt() {
        PersonCall call = connectedCallToPersonAt(API);
        addRule("{\"count\":1,\"match\":{\"operation\":\"CallMedia_Recognize\",\"target\":\"" + call.person()
                + "\"},\"fault\":{\"type\":\"failOutcome\",\"code\":400,\"subCode\":8510,"
                + "\"message\":\"Action failed, initial silence timeout reached.\"}}");

        int status = client.getCallConnection(call.callConnectionId()).getCallMedia().startRecognizingWithResponse(
                new CallMediaRecognizeDtmfOptions(new CommunicationUserIdentifier(call.person()), 1)
                        .setPlayPrompt(new FileSource().setUrl(UNREACHABLE_WAV))
                        .setInitialSilenceTimeout(Duration.ofSeconds(5)).setOperationContext("main-menu"),
                Context.NONE).getStatusCode();

        assertThat(status).isEqualTo(202);
        receiver.awaitEventSequence(call.callbackPath(), "CallConnected", "ParticipantsUpdated", "RecognizeFailed");
        RecognizeFailed failed = (RecognizeFailed) receiver.events(call.callbackPath()).get(2);
        assertThat(failed.getOperationContext()).isEqualTo("main-menu");
        assertThat(List.of(failed.getResultInformation().getCode(), failed.getResultInformation().getSubCode()))
                .containsExactly(400, 8510);
        assertThat(heardBy(call)).isEmpty();
    }

    @Test
    void aSendDtmfTonesStruckByARuleIsAcceptedThenFailsWithTheUsual8558AndTheRulesMessage() {
        String path = newCallbackPath();
        String number = "+1425" + (1_000_000 + (int) (Math.random() * 8_999_999));
        String id = createCallRaw(API, "4:" + number, path).path("callConnectionId").asText();
        receiver.awaitEventTypes(path, types -> types.contains("ParticipantsUpdated"));
        addRule("{\"count\":1,\"match\":{\"operation\":\"CallMedia_SendDtmfTones\",\"target\":\"4:" + number
                + "\"},\"fault\":{\"type\":\"failOutcome\",\"message\":\"Injected.\"}}");

        HttpResponse<String> sent = media(id, ":sendDtmfTones", "{\"tones\":[\"one\",\"two\"],\"targetParticipant\":"
                + "{\"kind\":\"phoneNumber\",\"rawId\":\"4:" + number + "\",\"phoneNumber\":{\"value\":\"" + number
                + "\"}},\"operationContext\":\"dial\"}");

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        receiver.awaitEventSequence(path, "CallConnected", "ParticipantsUpdated", "SendDtmfTonesFailed");
        JsonNode result = resultOf(path, 2);
        assertThat(List.of(result.path("code").asInt(), result.path("subCode").asInt()))
                .containsExactly(400, 8558);
        assertThat(result.path("message").asText()).isEqualTo("Injected.");
    }

    @Test
    void aHoldStruckByARuleLeavesThePersonOnHoldAndSendsHoldFailedWithTheRulesResult() {
        PersonCall call = connectedCallToPersonAt(API);
        addRule("{\"count\":1,\"match\":{\"operation\":\"CallMedia_Hold\",\"callConnectionId\":\""
                + call.callConnectionId() + "\"},\"fault\":{\"type\":\"failOutcome\",\"code\":500,"
                + "\"subCode\":8500,\"message\":\"Hold failed.\"}}");

        HttpResponse<String> held = media(call.callConnectionId(), ":hold", "{\"targetParticipant\":"
                + "{\"kind\":\"communicationUser\",\"rawId\":\"" + call.person() + "\",\"communicationUser\":{\"id\":\""
                + call.person() + "\"}},\"playSourceInfo\":{\"kind\":\"file\",\"file\":{\"uri\":\"" + UNREACHABLE_WAV
                + "\"}},\"operationContext\":\"hold\"}");

        assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
        receiver.awaitEventSequence(call.callbackPath(), "CallConnected", "ParticipantsUpdated",
                "ParticipantsUpdated", "HoldFailed");
        JsonNode result = resultOf(call.callbackPath(), 3);
        assertThat(List.of(result.path("code").asInt(), result.path("subCode").asInt(),
                result.path("message").asText())).containsExactly(500, 8500, "Hold failed.");
        JsonNode view = control.call(control.callOfConnection(call.callConnectionId()).path("serverCallId").asText());
        assertThat(view.path("participants").findValuesAsText("isOnHold")).contains("true");
        JsonNode onHold = view.path("heldParticipants");
        assertThat(onHold).hasSize(1);
        assertThat(List.of(onHold.get(0).path("rawId").asText(), onHold.get(0).path("callConnectionId").asText(),
                onHold.get(0).path("operationContext").asText(), onHold.get(0).path("holdAudio").asText()))
                .containsExactly(call.person(), call.callConnectionId(), "hold", "failed");
    }

    private void addRule(String json) {
        HttpResponse<String> response = http.send("POST", "/admin/faults", json);
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
    }

    private List<String> appliedOperations() {
        return json(http.send("GET", "/admin/faults", null)).path("applied").findValuesAsText("operation");
    }

    private JsonNode heardBy(PersonCall call) {
        String serverCallId = control.callOfConnection(call.callConnectionId()).path("serverCallId").asText();
        return control.heard(serverCallId, call.person()).path("heard");
    }

    private HttpResponse<String> media(String callConnectionId, String action, String body) {
        return http.send("POST", "/calling/callConnections/" + callConnectionId + action + "?api-version=" + API,
                body);
    }
}
