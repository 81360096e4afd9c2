package dev.acsemulator.conformance;

import com.azure.communication.callautomation.models.AnswerCallResult;
import com.azure.communication.callautomation.models.CallConnectionState;
import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * AnswerCall of an incoming call that is gone (call-automation-behaviour.md §2.3): a simulated caller calls the
 * application, then hangs up, or lets it ring out, before the application answers. The answer is taken (200,
 * {@code connecting}), and the new connection's events say it failed: AnswerFailed then CallDisconnected where the
 * api-version has AnswerFailed, CallDisconnected alone where it has not (the Java SDK 1.0.4's 2023-03-06).
 */
class LateAnswerAcceptanceTest extends ConformanceTest {

    private static final String CALLER = "4:+14255550176";

    @Test
    void theJavaSdksAnswerAfterTheCallerHungUpIsToldByCallDisconnected() {
        JsonNode incoming = inboundCallThatTheCallerHangsUp();
        String late = newCallbackPath();

        AnswerCallResult answered = client.answerCall(contextOf(incoming), receiver.url(late));

        assertThat(answered.getCallConnectionProperties().getCallConnectionState())
                .isEqualTo(CallConnectionState.CONNECTING);
        assertThat(receiver.awaitEventTypes(late, types -> !types.isEmpty())).containsExactly("CallDisconnected");
        assertThat(List.of(resultOf(late, 0).path("code").asInt(), resultOf(late, 0).path("subCode").asInt()))
                .containsExactly(400, 8528);
    }

    @Test
    void anAnswerAfterTheCallerHungUpGetsAnswerFailedThenCallDisconnectedWhereTheVersionHasAnswerFailed() {
        JsonNode incoming = inboundCallThatTheCallerHangsUp();
        String late = newCallbackPath();

        HttpResponse<String> answered = answerRaw("2026-03-12", contextOf(incoming), late);

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(json(answered).path("callConnectionState").asText()).isEqualTo("connecting");
        assertThat(receiver.awaitEventTypes(late, types -> types.size() >= 2))
                .containsExactly("AnswerFailed", "CallDisconnected");
        for (int event = 0; event < 2; event++) {
            assertThat(resultOf(late, event).path("subCode").asInt()).isEqualTo(8528);
            assertThat(resultOf(late, event).path("message").asText())
                    .isEqualTo("Action is not supported, the call has been terminated. DiagCode: 400#8528.@");
        }
        assertThat(receiver.received(late).get(0).json().get(0).path("data").path("operationContext").asText())
                .isEqualTo("late-answer");
    }

    @Test
    void theJavaSdksAnswerAfterTheCallRangOutIsToldByCallDisconnected487And10004() {
        String serverCallId = control.placeInboundCall(CALLER, appUser(), "Patient Caller", Map.of(), Map.of());
        JsonNode incoming = incomingCallOf(serverCallId);
        awaitEnded(serverCallId);
        String late = newCallbackPath();

        client.answerCall(contextOf(incoming), receiver.url(late));

        assertThat(receiver.awaitEventTypes(late, types -> !types.isEmpty())).containsExactly("CallDisconnected");
        assertThat(List.of(resultOf(late, 0).path("code").asInt(), resultOf(late, 0).path("subCode").asInt()))
                .containsExactly(487, 10004);
    }

    @Test
    void theJavaSdksAnswerOfACallItRejectedIsToldByCallDisconnected() {
        JsonNode incoming = rejectedInboundCall();
        String serverCallId = incoming.path("data").path("serverCallId").asText();
        awaitEnded(serverCallId);
        String late = newCallbackPath();

        client.answerCall(contextOf(incoming), receiver.url(late));

        assertThat(receiver.awaitEventTypes(late, types -> !types.isEmpty())).containsExactly("CallDisconnected");
        assertThat(resultOf(late, 0).path("subCode").asInt()).isEqualTo(8528);
    }

    /**
     * An inbound call the application rejected (over signed raw HTTP at the SDK's api-version) while it rang. The
     * suite rings for 3 s; when the first call of a cold run rings out before its IncomingCall is handled, the harness
     * was too slow, not the emulator wrong, and a new call is placed (at most three).
     */
    private JsonNode rejectedInboundCall() {
        for (int attempt = 1; ; attempt++) {
            JsonNode incoming = incomingCallOf(control.placeInboundCall(CALLER, appUser(), null, Map.of(), Map.of()));
            HttpResponse<String> rejected = http.send("POST", "/calling/callConnections:reject?api-version=2023-03-06",
                    "{\"incomingCallContext\":\"" + contextOf(incoming) + "\"}");
            if (rejected.statusCode() == 204 || attempt == 3) {
                assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(204);
                return incoming;
            }
        }
    }

    private JsonNode inboundCallThatTheCallerHangsUp() {
        String serverCallId = control.placeInboundCall(CALLER, appUser(), "Impatient Caller", Map.of(), Map.of());
        JsonNode incoming = incomingCallOf(serverCallId);
        control.hangUp(serverCallId, CALLER);
        awaitEnded(serverCallId);
        return incoming;
    }

    /** The IncomingCall of this call, whatever other calls' IncomingCall arrive meanwhile at the subscription. */
    private JsonNode incomingCallOf(String serverCallId) {
        return await().atMost(Duration.ofSeconds(15)).until(
                () -> receiver.notifications(EmulatorUnderTest.INCOMING_PATH).stream()
                        .filter(event -> event.path("data").path("serverCallId").asText().equals(serverCallId))
                        .findFirst(),
                Optional::isPresent).orElseThrow();
    }

    private void awaitEnded(String serverCallId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> control.call(serverCallId).path("state").asText(),
                "ended"::equals);
    }

    private static String contextOf(JsonNode incoming) {
        return incoming.path("data").path("incomingCallContext").asText();
    }

    private HttpResponse<String> answerRaw(String apiVersion, String incomingCallContext, String callbackPath) {
        return http.send("POST", "/calling/callConnections:answer?api-version=" + apiVersion,
                "{\"incomingCallContext\":\"" + incomingCallContext + "\",\"callbackUri\":\""
                        + receiver.url(callbackPath) + "\",\"operationContext\":\"late-answer\"}");
    }
}
