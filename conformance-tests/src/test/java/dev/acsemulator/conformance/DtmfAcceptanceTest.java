package dev.acsemulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Continuous DTMF recognition and SendDtmfTones (call-automation-behaviour.md §2.15, §2.16, §2.21, §2.22) over signed
 * raw HTTP, as the Java SDK 1.0.4 has neither operation (sdk-wire-facts.md §1); the JS SDK 1.6.0 parses every event
 * they cause in {@link JsEventParserAcceptanceTest}, and the receiver validates each against its api-version's
 * schema. The keys are pressed by the simulated person through the control API.
 */
class DtmfAcceptanceTest extends ConformanceTest {

    private static final String NEWEST = "2026-03-12";
    private static final String OLDEST_STABLE = "2023-10-15";

    @Test
    void keysThePersonPressesArriveAsToneReceivedInOrderUntilTheStopsStopped() {
        Call call = phoneCall(NEWEST);
        assertThat(start(call, NEWEST, "{\"targetParticipant\":" + call.phone() + ",\"operationContext\":\"keys\"}")
                .statusCode()).isEqualTo(200);
        assertThat(start(call, NEWEST, "{\"targetParticipant\":" + call.phone() + ",\"operationContext\":\"again\"}")
                .statusCode()).as("starting twice, as the service answers it").isEqualTo(200);

        JsonNode operations = control.call(call.serverCallId()).path("mediaOperations");
        assertThat(operations).hasSize(1);
        assertThat(operations.get(0).path("kind").asText()).isEqualTo("continuousDtmfRecognition");
        assertThat(operations.get(0).path("state").asText()).isEqualTo("listening");
        assertThat(operations.get(0).path("operationContext").asText()).isEqualTo("keys");

        control.sendDtmf(call.serverCallId(), call.rawId(), List.of("one", "two"));
        control.sendDtmf(call.serverCallId(), call.rawId(), List.of("pound"));
        receiver.awaitEventTypes(call.path(), types -> types.size() >= 5);
        HttpResponse<String> stopped = stop(call, NEWEST, "{\"targetParticipant\":" + call.phone()
                + ",\"operationContext\":\"stop-keys\"}");
        HttpResponse<String> stoppedAgain = stop(call, NEWEST, "{\"targetParticipant\":" + call.phone() + "}");
        control.sendDtmf(call.serverCallId(), call.rawId(), List.of("nine"));

        assertThat(stopped.statusCode()).isEqualTo(200);
        assertThat(stopped.body()).isEmpty();
        assertThat(control.call(call.serverCallId()).path("mediaOperations")).isEmpty();
        assertThat(stoppedAgain.statusCode()).as("stopping what does not run").isEqualTo(200);
        receiver.awaitEventSequence(call.path(), "CallConnected", "ParticipantsUpdated",
                "ContinuousDtmfRecognitionToneReceived", "ContinuousDtmfRecognitionToneReceived",
                "ContinuousDtmfRecognitionToneReceived", "ContinuousDtmfRecognitionStopped");
        for (int i = 0; i < 3; i++) {
            JsonNode tone = data(call.path(), 2 + i);
            assertThat(tone.path("tone").asText()).isEqualTo(List.of("one", "two", "pound").get(i));
            assertThat(tone.path("sequenceId").asInt()).isEqualTo(i + 1);
            assertThat(tone.path("operationContext").asText()).isEqualTo("keys");
            assertThat(tone.path("resultInformation").path("message").asText())
                    .isEqualTo("DTMF tone received successfully.");
        }
        JsonNode stop = data(call.path(), 5);
        assertThat(stop.path("operationContext").asText()).isEqualTo("stop-keys");
        assertThat(stop.path("resultInformation").path("code").asInt()).isEqualTo(200);
        assertThat(stop.path("resultInformation").path("subCode").asInt()).isEqualTo(7000);
        assertThat(stop.path("resultInformation").path("message").asText())
                .isEqualTo("The conversation has ended. DiagCode: 0#7000.@");
    }

    @Test
    void whenThePersonHangsUpStoppedComesBeforeCallDisconnected() {
        Call call = phoneCall(OLDEST_STABLE);
        start(call, OLDEST_STABLE, "{\"targetParticipant\":" + call.phone() + ",\"operationContext\":\"keys\"}");
        control.sendDtmf(call.serverCallId(), call.rawId(), List.of("asterisk"));
        receiver.awaitEventTypes(call.path(), types -> types.contains("ContinuousDtmfRecognitionToneReceived"));

        control.hangUp(call.serverCallId(), call.rawId());

        receiver.awaitEventSequence(call.path(), "CallConnected", "ParticipantsUpdated",
                "ContinuousDtmfRecognitionToneReceived", "ContinuousDtmfRecognitionStopped", "CallDisconnected");
        assertThat(data(call.path(), 3).path("operationContext").asText()).isEqualTo("keys");
        assertThat(data(call.path(), 2).path("tone").asText()).isEqualTo("asterisk");
    }

    @Test
    void tonesSentToThePhoneAreWhatItHeardThenSendDtmfTonesCompletedHasAnEmptyMessage() {
        Call call = phoneCall(NEWEST);
        long before = System.nanoTime();

        HttpResponse<String> sent = send(call, NEWEST, "{\"tones\":[\"one\",\"two\",\"pound\"],\"targetParticipant\":"
                + call.phone() + ",\"operationContext\":\"dial\"}");

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        assertThat(json(sent).path("operationContext").asText()).isEqualTo("dial");
        assertThat(control.call(call.serverCallId()).path("mediaOperations").get(0).path("kind").asText())
                .isEqualTo("sendDtmfTones");
        receiver.awaitEventSequence(call.path(), "CallConnected", "ParticipantsUpdated", "SendDtmfTonesCompleted");
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(1250));
        JsonNode completed = data(call.path(), 2);
        assertThat(completed.path("operationContext").asText()).isEqualTo("dial");
        assertThat(completed.path("resultInformation").path("code").asInt()).isEqualTo(200);
        assertThat(completed.path("resultInformation").path("message").asText()).isEmpty();
        JsonNode heard = control.heard(call.serverCallId(), call.rawId()).path("heard");
        assertThat(heard).hasSize(1);
        assertThat(heard.get(0).path("kind").asText()).isEqualTo("dtmf");
        assertThat(heard.get(0).path("tones")).extracting(JsonNode::asText).containsExactly("one", "two", "pound");
        assertThat(heard.get(0).path("ending").asText()).isEqualTo("completed");
        assertThat(Duration.between(Instant.parse(heard.get(0).path("start").asText()),
                Instant.parse(heard.get(0).path("end").asText()))).isGreaterThanOrEqualTo(Duration.ofMillis(1250));
    }

    @Test
    void aContinuousRecognitionOfThePhoneRunsBesideASendToItAndDoesNotReportTheSentTones() {
        Call call = phoneCall(OLDEST_STABLE);
        start(call, OLDEST_STABLE, "{\"targetParticipant\":" + call.phone() + "}");

        assertThat(send(call, OLDEST_STABLE, "{\"tones\":[\"a\",\"b\"],\"targetParticipant\":" + call.phone() + "}")
                .statusCode()).isEqualTo(202);
        receiver.awaitEventSequence(call.path(), "CallConnected", "ParticipantsUpdated", "SendDtmfTonesCompleted");
        stop(call, OLDEST_STABLE, "{\"targetParticipant\":" + call.phone() + "}");

        receiver.awaitEventSequence(call.path(), "CallConnected", "ParticipantsUpdated", "SendDtmfTonesCompleted",
                "ContinuousDtmfRecognitionStopped");
        assertThat(data(call.path(), 3).has("operationContext")).as("no operationContext key without one").isFalse();
    }

    @Test
    void badDtmfRequestsGetTheServicesErrorsAndDisturbNothing() {
        Call call = phoneCall(NEWEST);
        String user = person();
        String acsUser = "{\"kind\":\"communicationUser\",\"rawId\":\"" + user + "\",\"communicationUser\":{\"id\":\""
                + user + "\"}}";
        List<String> nineteen = new ArrayList<>(Collections.nCopies(19, "\"five\""));

        HttpResponse<String> tooMany = send(call, NEWEST, "{\"tones\":" + nineteen + ",\"targetParticipant\":"
                + call.phone() + "}");
        HttpResponse<String> notATone = send(call, NEWEST, "{\"tones\":[\"hash\"],\"targetParticipant\":"
                + call.phone() + "}");
        HttpResponse<String> noTones = send(call, NEWEST, "{\"tones\":[],\"targetParticipant\":" + call.phone() + "}");
        HttpResponse<String> toStranger = send(call, NEWEST, "{\"tones\":[\"one\"],\"targetParticipant\":" + acsUser
                + "}");
        HttpResponse<String> startForStranger = start(call, NEWEST, "{\"targetParticipant\":" + acsUser + "}");
        HttpResponse<String> unknownCall = http.send("POST", "/calling/callConnections/" + UUID.randomUUID()
                + ":startContinuousDtmfRecognition?api-version=" + NEWEST, "{\"targetParticipant\":" + call.phone()
                + "}");

        assertError(tooMany, 400, "8523");
        assertError(notATone, 400, null);
        assertError(noTones, 400, null);
        assertError(toStranger, 404, "8522");
        assertError(startForStranger, 404, "8522");
        assertError(unknownCall, 404, "8522");
        assertThat(send(call, NEWEST, "{\"tones\":[\"one\"],\"targetParticipant\":" + call.phone() + "}")
                .statusCode()).as("the call is undisturbed").isEqualTo(202);
        receiver.awaitEventSequence(call.path(), "CallConnected", "ParticipantsUpdated", "SendDtmfTonesCompleted");
    }

    @Test
    void tonesGoOnlyToAPhoneAndASendRunsOnASubLegThatRefusesAnotherSendOrAContinuousStart() {
        Call call = phoneCall(NEWEST);
        String user = person();
        control.join(call.serverCallId(), user);
        receiver.awaitEventTypes(call.path(), types -> types.size() >= 3);
        String acsUser = "{\"kind\":\"communicationUser\",\"rawId\":\"" + user + "\",\"communicationUser\":{\"id\":\""
                + user + "\"}}";

        HttpResponse<String> toUser = send(call, NEWEST, "{\"tones\":[\"one\"],\"targetParticipant\":" + acsUser + "}");
        HttpResponse<String> first = send(call, NEWEST, "{\"tones\":[\"one\",\"two\",\"three\",\"four\"],"
                + "\"targetParticipant\":" + call.phone() + ",\"operationContext\":\"first\"}");
        HttpResponse<String> second = send(call, NEWEST, "{\"tones\":[\"one\"],\"targetParticipant\":"
                + call.phone() + "}");
        HttpResponse<String> startBeside = start(call, NEWEST, "{\"targetParticipant\":" + acsUser + "}");

        assertError(toUser, 405, "8520");
        assertThat(first.statusCode()).isEqualTo(202);
        assertError(second, 412, "8583");
        assertError(startBeside, 412, "8583");
        receiver.awaitEventSequence(call.path(), "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated",
                "SendDtmfTonesCompleted");
        assertThat(data(call.path(), 3).path("operationContext").asText()).isEqualTo("first");
        assertThat(start(call, NEWEST, "{\"targetParticipant\":" + acsUser + "}").statusCode())
                .as("allowed again once the send completed").isEqualTo(200);
    }

    private record Call(String id, String path, String serverCallId, String rawId, String phone) { }

    /** A call from the application to a simulated person's phone, connected, created at {@code apiVersion}. */
    private Call phoneCall(String apiVersion) {
        String path = newCallbackPath();
        String number = "+1425" + (1_000_000 + (int) (Math.random() * 8_999_999));
        JsonNode created = createCallRaw(apiVersion, "4:" + number, path);
        receiver.awaitEventTypes(path, types -> types.contains("ParticipantsUpdated"));
        String id = created.path("callConnectionId").asText();
        return new Call(id, path, control.callOfConnection(id).path("serverCallId").asText(), "4:" + number,
                "{\"kind\":\"phoneNumber\",\"rawId\":\"4:" + number + "\",\"phoneNumber\":{\"value\":\"" + number
                        + "\"}}");
    }

    private HttpResponse<String> start(Call call, String apiVersion, String body) {
        return media(call, ":startContinuousDtmfRecognition", apiVersion, body);
    }

    private HttpResponse<String> stop(Call call, String apiVersion, String body) {
        return media(call, ":stopContinuousDtmfRecognition", apiVersion, body);
    }

    private HttpResponse<String> send(Call call, String apiVersion, String body) {
        return media(call, ":sendDtmfTones", apiVersion, body);
    }

    private HttpResponse<String> media(Call call, String action, String apiVersion, String body) {
        return http.send("POST", "/calling/callConnections/" + call.id() + action + "?api-version=" + apiVersion,
                body);
    }

    private JsonNode data(String path, int index) {
        return receiver.received(path).get(index).json().get(0).path("data");
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = json(response).path("error");
        assertThat(error.path("message").asText()).isNotBlank();
        if (code != null) {
            assertThat(error.path("code").asText()).as(response.body()).isEqualTo(code);
        }
    }
}
