package dev.acsemulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import dev.acsemulator.conformance.support.SchemaCheck;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Options whose effect the emulator does not build (the previews' names of media streaming and transcription options,
 * loopback audio, a Teams app source) answer 501 NotImplemented naming the option, instead of a 200 that sets up no
 * subscription and sends no MediaStreamingStarted or TranscriptionStarted (openapi/DEVIATIONS.md 26). Media streaming
 * and transcription under their current names are built (MediaStreamingAcceptanceTest, TranscriptionAcceptanceTest).
 */
class UnbuiltOptionsAcceptanceTest extends ConformanceTest {

    private static final String VERSION = "2026-03-12";
    /** The 2024-01-22 preview's name of the media streaming options, which the emulator does not read. */
    private static final String MEDIA_STREAMING = "\"mediaStreamingConfiguration\":{\"transportUrl\":\"wss://ws.example/\","
            + "\"transportType\":\"websocket\",\"contentType\":\"audio\",\"audioChannelType\":\"mixed\"}";
    /** The 2024-01-22 preview's name of the options, which the emulator does not read. */
    private static final String TRANSCRIPTION = "\"transcriptionConfiguration\":{\"transportUrl\":\"wss://ws.example/ws\","
            + "\"transportType\":\"websocket\",\"locale\":\"en-US\",\"startTranscription\":false}";
    private static final String PREVIEW = "2024-01-22-preview";

    @Test
    void createCallAskingForAPreviewsMediaStreamingConfigurationIs501NamingTheOptionAndPlacesNoCall() {
        String path = newCallbackPath();
        HttpResponse<String> response = http.send("POST", "/calling/callConnections?api-version=" + PREVIEW,
                createCallBody(path, MEDIA_STREAMING));

        assertNotImplemented(response, "CreateCall", "mediaStreamingConfiguration");
        assertThat(control.calls().toString()).as("no call has a connection with that callback")
                .doesNotContain(receiver.url(path));
    }

    @Test
    void answerCallWithAPreviewsTranscriptionConfigurationIs501EvenWhenTranscriptionWouldNotStartYet() {
        int before = receiver.notifications(EmulatorUnderTest.INCOMING_PATH).size();
        createCallRaw(VERSION, appUser(), newCallbackPath());
        JsonNode incoming = receiver.awaitIncomingCall(EmulatorUnderTest.INCOMING_PATH, before + 1);
        String context = incoming.path("data").path("incomingCallContext").asText();

        HttpResponse<String> refused = http.send("POST", "/calling/callConnections:answer?api-version=" + PREVIEW,
                "{\"incomingCallContext\":\"" + context + "\",\"callbackUri\":\"" + receiver.url(newCallbackPath())
                        + "\"," + TRANSCRIPTION + "}");
        assertNotImplemented(refused, "AnswerCall", "transcriptionConfiguration");

        String callee = newCallbackPath();
        HttpResponse<String> answered = http.send("POST", "/calling/callConnections:answer?api-version=" + VERSION,
                "{\"incomingCallContext\":\"" + context + "\",\"callbackUri\":\"" + receiver.url(callee) + "\"}");
        assertThat(answered.statusCode()).as("the call still rings after the refusal").isEqualTo(200);
        assertThat(receiver.awaitEventTypes(callee, types -> types.contains("CallConnected"))).contains("CallConnected");
    }

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
