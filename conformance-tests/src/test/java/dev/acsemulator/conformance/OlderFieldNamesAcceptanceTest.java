package dev.acsemulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.conformance.support.AudioFiles;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 2023-01-15-preview's own names of request fields (openapi/DEVIATIONS.md 57), over signed raw HTTP as the .NET
 * SDK's 2023 betas sent them: CreateCall's {@code sourceIdentity}, AnswerCall's {@code answeredByIdentifier}, and
 * Play's one {@code playSourceInfo} with the preview's PlaySource ({@code sourceType}, {@code fileSource}).
 */
class OlderFieldNamesAcceptanceTest extends ConformanceTest {

    private static final String PREVIEW = "2023-01-15-preview";
    private final AudioFiles files = new AudioFiles();

    @AfterEach
    void stopServingFiles() {
        files.close();
    }

    @Test
    void createCallCallsFromItsSourceIdentityAndAnswerCallIsAnsweredByItsAnsweredByIdentifier() {
        String caller = appUser();
        String answerer = appUser();
        int before = receiver.notifications(EmulatorUnderTest.INCOMING_PATH).size();

        HttpResponse<String> created = http.send("POST", "/calling/callConnections?api-version=" + PREVIEW,
                "{\"targets\":[" + identifier(appUser()) + "],\"sourceIdentity\":{\"id\":\"" + caller + "\"},"
                        + "\"callbackUri\":\"" + receiver.url(newCallbackPath()) + "\",\"customContext\":"
                        + "{\"voipHeaders\":{\"x-mine\":\"one\"}}}");
        JsonNode incoming = receiver.awaitIncomingCall(EmulatorUnderTest.INCOMING_PATH, before + 1).path("data");
        HttpResponse<String> answered = http.send("POST", "/calling/callConnections:answer?api-version=" + PREVIEW,
                "{\"incomingCallContext\":\"" + incoming.path("incomingCallContext").asText() + "\",\"callbackUri\":\""
                        + receiver.url(newCallbackPath()) + "\",\"answeredByIdentifier\":{\"id\":\"" + answerer
                        + "\"}}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).path("source").path("rawId").asText()).isEqualTo(caller);
        assertThat(incoming.path("from").path("rawId").asText()).as("the IncomingCall is from the source identity")
                .isEqualTo(caller);
        assertThat(incoming.path("customContext").path("voipHeaders").path("x-mine").asText())
                .as("customContext is the preview's customCallingContext").isEqualTo("one");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(json(answered).path("answeredBy").path("id").asText()).isEqualTo(answerer);
    }

    @Test
    void playPlaysItsOnePlaySourceInfoOfThePreviewsShape() {
        PersonCall call = connectedCallToPersonAt(PREVIEW);
        String prompt = files.serve("/january-preview.wav", AudioFiles.playableWav(150));

        HttpResponse<String> played = http.send("POST", "/calling/callConnections/" + call.callConnectionId()
                + ":play?api-version=" + PREVIEW, "{\"playSourceInfo\":{\"sourceType\":\"file\",\"fileSource\":"
                + "{\"uri\":\"" + prompt + "\"},\"playSourceId\":\"cached\"},\"playTo\":[],\"operationContext\":\"old\"}");

        assertThat(played.statusCode()).as(played.body()).isEqualTo(202);
        receiver.awaitEventTypes(call.callbackPath(), types -> types.contains("PlayCompleted"));
        String serverCallId = control.callOfConnection(call.callConnectionId()).path("serverCallId").asText();
        assertThat(control.heard(serverCallId, call.person()).path("heard"))
                .extracting(line -> line.path("uri").asText() + " " + line.path("ending").asText())
                .containsExactly(prompt + " completed");
    }

    @Test
    void aCallLinkedThroughAzureCognitiveServicesEndpointUrlPlaysTheTextOfAPreviewTextSource() {
        String path = newCallbackPath();
        String person = person();
        HttpResponse<String> created = http.send("POST", "/calling/callConnections?api-version=" + PREVIEW,
                "{\"targets\":[" + identifier(person) + "],\"callbackUri\":\"" + receiver.url(path) + "\","
                        + "\"azureCognitiveServicesEndpointUrl\":\"https://ai.example.cognitiveservices.azure.com\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        receiver.awaitEventTypes(path, types -> types.contains("ParticipantsUpdated"));

        HttpResponse<String> played = http.send("POST", "/calling/callConnections/"
                + json(created).path("callConnectionId").asText() + ":play?api-version=" + PREVIEW,
                "{\"playSourceInfo\":{\"sourceType\":\"text\",\"textSource\":{\"text\":\"Hello there.\","
                        + "\"voiceName\":\"en-US-NancyNeural\"}},\"playTo\":[" + identifier(person) + "]}");

        assertThat(played.statusCode()).as("text needs the call's Azure AI services link: " + played.body())
                .isEqualTo(202);
        receiver.awaitEventTypes(path, types -> types.contains("PlayCompleted"));
    }

    @Test
    void aFieldUnderBothItsNameAndItsOlderNameIsRefused() {
        String user = appUser();
        HttpResponse<String> refused = http.send("POST", "/calling/callConnections?api-version=" + PREVIEW,
                "{\"targets\":[" + identifier(appUser()) + "],\"sourceIdentity\":{\"id\":\"" + user + "\"},"
                        + "\"source\":{\"id\":\"" + user + "\"},\"callbackUri\":\"" + receiver.url(newCallbackPath())
                        + "\"}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json(refused).path("error").path("code").asText()).isEqualTo("8523");
        assertThat(json(refused).path("error").path("message").asText())
                .isEqualTo("Invalid request, give source or its older name sourceIdentity, not both.");
    }

    private static String identifier(String rawId) {
        return "{\"kind\":\"communicationUser\",\"rawId\":\"" + rawId + "\",\"communicationUser\":{\"id\":\"" + rawId
                + "\"}}";
    }
}
