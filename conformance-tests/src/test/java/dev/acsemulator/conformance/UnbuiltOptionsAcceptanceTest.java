package dev.acsemulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.conformance.support.SchemaCheck;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Options whose effect the emulator does not build (loopback audio, a Teams app source) answer 501 NotImplemented
 * naming the option, instead of a 200 that does nothing (openapi/DEVIATIONS.md 26). Media streaming and transcription
 * are built, under their current names and the previews' (PreviewOptionNamesAcceptanceTest).
 */
class UnbuiltOptionsAcceptanceTest extends ConformanceTest {

    private static final String VERSION = "2026-03-12";
    @Test
    void loopbackAudioAndATeamsAppSourceAreRefusedButLoopbackFalseIsNoRequest() {
        assertNotImplemented(http.send("POST", "/calling/callConnections?api-version=" + VERSION,
                createCallBody(newCallbackPath(), "\"enableLoopbackAudio\":true")), "CreateCall", "enableLoopbackAudio");
        assertNotImplemented(http.send("POST", "/calling/callConnections?api-version=" + VERSION,
                createCallBody(newCallbackPath(), "\"teamsAppSource\":{\"appId\":\"28:orgid:app\"}")),
                "CreateCall", "teamsAppSource");

        String path = newCallbackPath();
        HttpResponse<String> created = http.send("POST", "/calling/callConnections?api-version=" + VERSION,
                createCallBody(path, "\"enableLoopbackAudio\":false,\"mediaStreamingOptions\":null"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        SchemaCheck.response(VERSION, "CallConnectionProperties", json(created), "CreateCall");
    }

    @Test
    void theEmptyCallIntelligenceOptionsTheDotNetSdkAlwaysSendsAreAccepted() {
        String path = newCallbackPath();
        HttpResponse<String> created = http.send("POST", "/calling/callConnections?api-version=" + VERSION,
                createCallBody(path, "\"callIntelligenceOptions\":{}"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(receiver.awaitEventTypes(path, types -> types.contains("CallConnected"))).contains("CallConnected");
    }

    private String createCallBody(String callbackPath, String option) {
        String target = person();
        return "{\"targets\":[{\"kind\":\"communicationUser\",\"rawId\":\"" + target + "\",\"communicationUser\":{\"id\":\""
                + target + "\"}}],\"callbackUri\":\"" + receiver.url(callbackPath) + "\"," + option + "}";
    }

    private static void assertNotImplemented(HttpResponse<String> response, String operation, String option) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(501);
        JsonNode body = json(response);
        SchemaCheck.response(VERSION, "CommunicationErrorResponse", body, operation + " refusal");
        assertThat(body.path("error").path("code").asText()).isEqualTo("NotImplemented");
        assertThat(body.path("error").path("message").asText())
                .isEqualTo("The emulator does not implement the " + operation + " option '" + option
                        + "' yet. See openapi/DEVIATIONS.md.");
    }
}
