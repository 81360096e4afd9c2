package dev.acsemulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.testsupport.AppStreamServer;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import dev.acsemulator.conformance.support.SchemaCheck;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 2023-10-03 and 2024-01-22 previews' names of the streaming options, {@code mediaStreamingConfiguration} and
 * {@code transcriptionConfiguration}, as the .NET SDK's betas sent them, work as {@code mediaStreamingOptions} and
 * {@code transcriptionOptions} do (openapi/DEVIATIONS.md 51); their required fields are checked, as no held spec has
 * their models.
 */
class PreviewOptionNamesAcceptanceTest extends StreamingAppServersTest {

    private static final String OCTOBER_PREVIEW = "2023-10-03-preview";
    private static final String JANUARY_PREVIEW = "2024-01-22-preview";

    @Test
    void createCallWithTheOctoberPreviewsMediaStreamingConfigurationStreams16kMixedAudioOnceConnected()
            throws Exception {
        String path = newCallbackPath();
        HttpResponse<String> created = http.send("POST", "/calling/callConnections?api-version=" + OCTOBER_PREVIEW,
                createCallBody(path, "\"mediaStreamingConfiguration\":{\"transportUrl\":\"" + streamApp.url()
                        + "\",\"transportType\":\"websocket\",\"contentType\":\"audio\",\"audioChannelType\":\"mixed\","
                        + "\"startMediaStreaming\":true}"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        SchemaCheck.response(OCTOBER_PREVIEW, "CallConnectionProperties", json(created), "CreateCall");
        receiver.awaitEventTypes(path, types -> types.contains("MediaStreamingStarted"));
        AppStreamServer.Socket socket = streamApp.awaitSocket(1);
        assertThat(socket.handshake.get("x-ms-call-connection-id"))
                .isEqualTo(json(created).path("callConnectionId").asText());
        JsonNode metadata = MAPPER.readTree(socket.awaitTexts(2).get(0)).path("audioMetadata");
        assertThat(metadata.path("sampleRate").asInt()).as("the previews have no audio format: 16 kHz")
                .isEqualTo(16000);
        assertThat(MAPPER.readTree(socket.texts.get(1)).at("/audioData/participantRawID").asText())
                .as("mixed").isEmpty();
    }

    @Test
    void answerCallWithTheJanuaryPreviewsTranscriptionConfigurationStartsTranscribingInItsLocale() {
        int before = receiver.notifications(EmulatorUnderTest.INCOMING_PATH).size();
        createCallRaw(JANUARY_PREVIEW, appUser(), newCallbackPath());
        JsonNode incoming = receiver.awaitIncomingCall(EmulatorUnderTest.INCOMING_PATH, before + 1);
        String path = newCallbackPath();

        HttpResponse<String> answered = http.send("POST", "/calling/callConnections:answer?api-version="
                + JANUARY_PREVIEW, "{\"incomingCallContext\":\"" + incoming.path("data").path("incomingCallContext")
                .asText() + "\",\"callbackUri\":\"" + receiver.url(path) + "\"," + AI + ",\"transcriptionConfiguration\":"
                + "{\"transportUrl\":\"" + transcriptApp.url() + "\",\"transportType\":\"websocket\","
                + "\"locale\":\"fr-FR\",\"startTranscription\":true}}");

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        receiver.awaitEventTypes(path, types -> types.contains("TranscriptionStarted"));
        JsonNode metadata = transcriptApp.awaitMessages(1).get(0);
        assertThat(metadata.at("/transcriptionMetadata/locale").asText()).isEqualTo("fr-fr");
        assertThat(metadata.at("/transcriptionMetadata/callConnectionId").asText())
                .isEqualTo(json(answered).path("callConnectionId").asText());
    }

    @Test
    void aPreviewConfigurationWithoutItsRequiredFieldsIsRefusedNamingThemAndPlacesNoCall() {
        String path = newCallbackPath();
        HttpResponse<String> refused = http.send("POST", "/calling/callConnections?api-version=" + OCTOBER_PREVIEW,
                createCallBody(path, "\"mediaStreamingConfiguration\":{\"transportUrl\":\"" + streamApp.url()
                        + "\",\"transportType\":\"websocket\"}"));

        assertBadRequest(refused, "Invalid request, mediaStreamingConfiguration.contentType, "
                + "mediaStreamingConfiguration.audioChannelType are required.");
        assertThat(control.calls().toString()).as("no call has a connection with that callback")
                .doesNotContain(receiver.url(path));
        assertBadRequest(http.send("POST", "/calling/callConnections?api-version=" + JANUARY_PREVIEW,
                        createCallBody(newCallbackPath(), "\"transcriptionConfiguration\":{\"transportUrl\":\""
                                + transcriptApp.url() + "\",\"transportType\":\"websocket\",\"locale\":\"en-US\","
                                + "\"startTranscription\":\"yes\"}")),
                "Invalid request, transcriptionConfiguration.startTranscription must be true or false.");
    }

    @Test
    void theCurrentAndThePreviewNameTogetherAreRefused() {
        String options = "{\"transportUrl\":\"" + transcriptApp.url() + "\",\"transportType\":\"websocket\","
                + "\"locale\":\"en-US\",\"startTranscription\":false}";
        HttpResponse<String> refused = http.send("POST", "/calling/callConnections?api-version=" + JANUARY_PREVIEW,
                createCallBody(newCallbackPath(), "\"transcriptionOptions\":" + options
                        + ",\"transcriptionConfiguration\":" + options));

        assertBadRequest(refused, "Invalid request, give transcriptionOptions or its preview name "
                + "transcriptionConfiguration, not both.");
    }

    private String createCallBody(String callbackPath, String option) {
        String target = person();
        return "{\"targets\":[{\"kind\":\"communicationUser\",\"rawId\":\"" + target + "\",\"communicationUser\":"
                + "{\"id\":\"" + target + "\"}}],\"callbackUri\":\"" + receiver.url(callbackPath) + "\"," + option + "}";
    }

    private static void assertBadRequest(HttpResponse<String> response, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("8523");
        assertThat(json(response).path("error").path("message").asText()).isEqualTo(message);
    }
}
