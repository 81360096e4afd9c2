package dev.acsemulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.conformance.support.TranscriptServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real-time transcription's operations and events (docs/side-channels.md B, call-automation-behaviour.md §2.18) over
 * signed raw HTTP, as the Java SDK 1.0.4 has none of them; the receiver validates every event against its
 * api-version's schema.
 */
class TranscriptionAcceptanceTest extends ConformanceTest {

    private static final String VERSION = "2026-03-12";
    private static final String AI = "\"callIntelligenceOptions\":{\"cognitiveServicesEndpoint\":"
            + "\"https://ai.example.cognitiveservices.azure.com/\"}";
    /** A WebSocket URL nobody listens on: port 1 of the loopback refuses at once. */
    private static final String NOBODY_LISTENS = "ws://127.0.0.1:1/transcripts";
    private static final String PHRASE = "I would like to pay my bill";

    private final TranscriptServer app = new TranscriptServer();

    @AfterEach
    void closeServer() {
        app.close();
    }

    @Test
    void whatThePersonSaysArrivesWordByWordAsIntermediateResultsThenOneFinalWithConsistentOffsets() {
        Call call = call(options(app.url(), "en-US", false) + "," + AI);
        assertThat(action(call, "startTranscription", "{\"operationContext\":\"StartTranscription\"}").statusCode())
                .isEqualTo(202);
        receiver.awaitEventSequence(call.path(), "CallConnected", "ParticipantsUpdated", "TranscriptionStarted");

        control.say(call.serverCallId(), call.person(), PHRASE);

        List<JsonNode> messages = app.awaitMessages(8);
        assertThat(app.handshakes()).singleElement().satisfies(headers -> {
            assertThat(headers.get("x-ms-call-connection-id")).isEqualTo(call.id());
            assertThat(headers.get("authorization")).startsWith("Bearer ");
        });
        JsonNode metadata = messages.get(0);
        assertThat(metadata.path("kind").asText()).isEqualTo("TranscriptionMetadata");
        assertThat(metadata.at("/transcriptionMetadata/locale").asText()).isEqualTo("en-us");
        assertThat(metadata.at("/transcriptionMetadata/callConnectionId").asText()).isEqualTo(call.id());
        List<JsonNode> results = messages.subList(1, 8).stream().map(m -> m.path("transcriptionData")).toList();
        assertThat(results).extracting(r -> r.path("resultStatus").asText()).containsExactly("Intermediate",
                "Intermediate", "Intermediate", "Intermediate", "Intermediate", "Intermediate", "Final");
        assertThat(results).extracting(r -> r.path("text").asText()).containsExactly("I", "I would",
                "I would like", "I would like to", "I would like to pay", "I would like to pay my",
                "I would like to pay my bill.");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.path("format").asText()).isEqualTo("display");
            assertThat(r.path("participantRawID").asText()).isEqualTo(call.person());
        });
        JsonNode fin = results.get(6);
        assertThat(fin.path("confidence").asDouble()).isPositive();
        assertThat(fin.path("duration").asLong()).as("7 words at 150 a minute, in 100-ns ticks")
                .isEqualTo(28_000_000L);
        long at = fin.path("offset").asLong();
        List<String> words = new ArrayList<>();
        for (JsonNode word : fin.path("words")) {
            assertThat(word.path("offset").asLong()).as("each word starts where the one before ended").isEqualTo(at);
            at += word.path("duration").asLong();
            words.add(word.path("text").asText());
        }
        assertThat(words).containsExactly("i", "would", "like", "to", "pay", "my", "bill");
        assertThat(at).isEqualTo(fin.path("offset").asLong() + fin.path("duration").asLong());
        for (int i = 0; i < 6; i++) {
            assertThat(results.get(i).path("words")).as("intermediate %d's words begin the final's", i)
                    .hasSize(i + 1).isEqualTo(sublist(fin.path("words"), i + 1));
        }
    }

    @Test
    void updateChangesTheLocaleOfWhatFollowsAndEchoesTheStartsContext() {
        Call call = call(options(app.url(), "en-US", false) + "," + AI);
        action(call, "startTranscription", "{\"operationContext\":\"start\"}");
        receiver.awaitEventSequence(call.path(), "CallConnected", "ParticipantsUpdated", "TranscriptionStarted");
        app.awaitMessages(1);

        assertThat(action(call, "updateTranscription", "{\"locale\":\"fr-FR\",\"operationContext\":\"update\"}")
                .statusCode()).isEqualTo(202);
        receiver.awaitEventSequence(call.path(), "CallConnected", "ParticipantsUpdated", "TranscriptionStarted",
                "TranscriptionUpdated");
        control.say(call.serverCallId(), call.person(), "bonjour");

        List<JsonNode> messages = app.awaitMessages(3);
        assertThat(messages).extracting(m -> m.path("kind").asText()).containsExactly("TranscriptionMetadata",
                "TranscriptionMetadata", "TranscriptionData");
        assertThat(messages.get(1).at("/transcriptionMetadata/locale").asText()).isEqualTo("fr-fr");
        assertThat(messages.get(1).at("/transcriptionMetadata/subscriptionId").asText())
                .isEqualTo(messages.get(0).at("/transcriptionMetadata/subscriptionId").asText());
        assertThat(messages.get(2).at("/transcriptionData/text").asText()).isEqualTo("Bonjour.");
        JsonNode updated = data(call.path(), 3);
        assertThat(updated.path("operationContext").asText()).as("as recorded").isEqualTo("start");
        assertThat(updated.at("/transcriptionUpdate/transcriptionStatusDetails").asText())
                .isEqualTo("transcriptionLocaleUpdated");
    }

    @Test
    void stopClosesTheSocketAndWhatIsSaidAfterwardsIsNotSent() {
        Call call = call(options(app.url(), "en-US", false) + "," + AI);
        action(call, "startTranscription", "{}");
        receiver.awaitEventSequence(call.path(), "CallConnected", "ParticipantsUpdated", "TranscriptionStarted");
        app.awaitMessages(1);

        assertThat(action(call, "stopTranscription", "{\"operationContext\":\"stop\"}").statusCode()).isEqualTo(202);

        receiver.awaitEventSequence(call.path(), "CallConnected", "ParticipantsUpdated", "TranscriptionStarted",
                "TranscriptionStopped");
        assertThat(app.awaitCloses(1)).containsExactly(1000);
        assertThat(data(call.path(), 3).path("operationContext").asText()).isEqualTo("stop");
        control.say(call.serverCallId(), call.person(), "yes");
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2))
                .until(() -> app.messages().size() == 1);
    }

    @Test
    void startTranscriptionInTheOptionsStartsItRightAfterCallConnectedAndTheCallsEndClosesTheSocket() {
        Call call = call(options(app.url(), "de-DE", true) + "," + AI);

        receiver.awaitEventSequence(call.path(), "CallConnected", "ParticipantsUpdated", "TranscriptionStarted");
        assertThat(app.awaitMessages(1).get(0).at("/transcriptionMetadata/locale").asText()).isEqualTo("de-de");
        assertThat(http.send("DELETE", "/calling/callConnections/" + call.id() + "?api-version=" + VERSION, null)
                .statusCode()).isEqualTo(204);

        assertThat(app.awaitCloses(1)).containsExactly(1000);
    }

    /**
     * Every frame kind and shape the emulator sends (metadata with and without a custom model, intermediate and final
     * results) goes through the official JS SDK 1.6.0's {@code StreamingData.parse}, run through Node as
     * {@link JsEventParserAcceptanceTest} runs its event parser; skipped, saying why, without node and npm.
     */
    @Test
    void theJsSdksStreamingParserAcceptsEveryTranscriptionFrameSent() throws Exception {
        Call call = call(options(app.url(), "en-US", true) + "," + AI);
        receiver.awaitEventSequence(call.path(), "CallConnected", "ParticipantsUpdated", "TranscriptionStarted");
        control.say(call.serverCallId(), call.person(), "yes please");
        app.awaitMessages(3);
        action(call, "updateTranscription", "{\"locale\":\"en-GB\",\"speechModelEndpointId\":"
                + "\"a259c255-1cdw-4ed7-a693-dd58563b6f6a\"}");
        List<JsonNode> frames = app.awaitMessages(4);

        java.nio.file.Path parser = java.nio.file.Path.of("js-parser").toAbsolutePath();
        JsEventParserAcceptanceTest.installParser(parser);
        Process node = new ProcessBuilder("node", "transcription.js").directory(parser.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        node.getOutputStream().write(MAPPER.writeValueAsBytes(frames.stream().map(JsonNode::toString).toList()));
        node.getOutputStream().close();
        JsonNode parsed = MAPPER.readTree(node.getInputStream().readAllBytes());
        assertThat(node.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        assertThat(parsed).hasSize(4);
        assertThat(parsed).allSatisfy(result -> assertThat(result.has("error")).as(result.toString()).isFalse());
        assertThat(parsed).extracting(r -> r.path("kind").asText()).containsExactly("TranscriptionMetadata",
                "TranscriptionData", "TranscriptionData", "TranscriptionMetadata");
        assertThat(parsed.get(1).path("resultState").asText()).isEqualTo("Intermediate");
        assertThat(parsed.get(2).path("resultState").asText()).isEqualTo("Final");
        assertThat(parsed.get(2).path("text").asText()).isEqualTo("Yes please.");
        assertThat(parsed.get(2).path("words").asInt()).isEqualTo(2);
        assertThat(parsed.get(2).path("participant").asText()).isEqualTo(call.person());
        assertThat(parsed.get(3).path("speechRecognitionModelEndpointId").asText())
                .isEqualTo("a259c255-1cdw-4ed7-a693-dd58563b6f6a");
    }

    @Test
    void aLocaleTranscriptionDoesNotSupportIs400AndPlacesNoCall() {
        String path = newCallbackPath();
        HttpResponse<String> refused = createCall(path, options(NOBODY_LISTENS, "xx-YY", false) + "," + AI);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).at("/error/code").asText()).isEqualTo("8523");
        assertThat(json(refused).at("/error/message").asText()).contains("xx-YY");
        assertThat(control.calls().toString()).doesNotContain(receiver.url(path));
    }

    @Test
    void aTransportUrlThatIsNoWebSocketUrlIs400StreamUrlIsNotValid() {
        HttpResponse<String> refused = createCall(newCallbackPath(),
                options("https://app.example/transcripts", "en-US", false));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).at("/error/code").asText()).isEqualTo("8581");
    }

    @Test
    void stoppingOrUpdatingWhatDoesNotRunIs400AndTheCallGoesOn() {
        Call call = call(options(NOBODY_LISTENS, "en-US", false) + "," + AI);

        HttpResponse<String> stop = action(call, "stopTranscription", "{}");
        HttpResponse<String> update = action(call, "updateTranscription", "{\"locale\":\"de-DE\"}");
        HttpResponse<String> badLocale = action(call, "startTranscription", "{\"locale\":\"klingon\"}");

        assertThat(stop.statusCode()).isEqualTo(400);
        assertThat(json(stop).at("/error/code").asText()).isEqualTo("8585");
        assertThat(update.statusCode()).isEqualTo(400);
        assertThat(json(update).at("/error/code").asText()).isEqualTo("8585");
        assertThat(badLocale.statusCode()).isEqualTo(400);
        assertThat(json(badLocale).at("/error/code").asText()).isEqualTo("8523");
        assertThat(http.send("GET", "/calling/callConnections/" + call.id() + "?api-version=" + VERSION, null)
                .statusCode()).isEqualTo(200);
        assertThat(receiver.eventTypes(call.path())).containsExactly("CallConnected", "ParticipantsUpdated");
    }

    @Test
    void aTransportNobodyListensOnEndsInTranscriptionFailed8578AndAStartMayBeTriedAgain() {
        Call call = call(options(NOBODY_LISTENS, "en-US", false) + "," + AI);

        assertThat(action(call, "startTranscription", "{\"operationContext\":\"first\"}").statusCode())
                .isEqualTo(202);
        receiver.awaitEventSequence(call.path(), "CallConnected", "ParticipantsUpdated", "TranscriptionFailed");
        assertThat(action(call, "startTranscription", "{\"operationContext\":\"second\"}").statusCode())
                .isEqualTo(202);
        receiver.awaitEventSequence(call.path(), "CallConnected", "ParticipantsUpdated", "TranscriptionFailed",
                "TranscriptionFailed");

        JsonNode failed = data(call.path(), 2);
        assertThat(failed.path("operationContext").asText()).isEqualTo("first");
        assertThat(failed.at("/transcriptionUpdate/transcriptionStatus").asText()).isEqualTo("transcriptionFailed");
        assertThat(failed.at("/transcriptionUpdate/transcriptionStatusDetails").asText())
                .isEqualTo("streamConnectionUnsuccessful");
        assertThat(failed.at("/resultInformation/code").asInt()).isEqualTo(500);
        assertThat(failed.at("/resultInformation/subCode").asInt()).isEqualTo(8578);
        assertThat(data(call.path(), 3).path("operationContext").asText()).isEqualTo("second");
    }

    @Test
    void aCallWithoutAnAiLinkFailsTranscriptionWith8565AndOpensNoSocket() {
        Call call = call(options(NOBODY_LISTENS, "en-US", true));

        receiver.awaitEventSequence(call.path(), "CallConnected", "ParticipantsUpdated", "TranscriptionFailed");
        JsonNode failed = data(call.path(), 2);
        assertThat(failed.at("/transcriptionUpdate/transcriptionStatusDetails").asText())
                .isEqualTo("speechServicesConnectionError");
        assertThat(failed.at("/resultInformation/subCode").asInt()).isEqualTo(8565);
    }

    @Test
    void summarizeCallBeforeAnythingWasSaidReportsACallSummaryFailure() {
        Call call = call(options(NOBODY_LISTENS, "en-US", false) + "," + AI);

        assertThat(action(call, "summarizeCall", "{\"operationContext\":\"sum\"}").statusCode()).isEqualTo(202);

        receiver.awaitEventSequence(call.path(), "CallConnected", "ParticipantsUpdated",
                "TranscriptionCallSummaryUpdated");
        JsonNode summary = data(call.path(), 2);
        assertThat(summary.path("operationContext").asText()).isEqualTo("sum");
        assertThat(summary.at("/transcriptionUpdate/transcriptionStatus").asText()).isEqualTo("callSummaryUpdated");
        assertThat(summary.at("/transcriptionUpdate/transcriptionStatusDetails").asText())
                .isEqualTo("callSummaryFailure");
        assertThat(summary.at("/transcriptionUpdate/transcriptionMessage").asText()).isNotEmpty();
    }

    record Call(String id, String path, String person, String serverCallId) { }

    private Call call(String extraFields) {
        String path = newCallbackPath();
        String person = person();
        HttpResponse<String> created = createCall(path, person, extraFields);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        receiver.awaitEventTypes(path, types -> types.contains("ParticipantsUpdated"));
        return new Call(json(created).path("callConnectionId").asText(), path, person,
                json(created).path("serverCallId").asText());
    }

    private HttpResponse<String> createCall(String path, String extraFields) {
        return createCall(path, person(), extraFields);
    }

    private HttpResponse<String> createCall(String path, String person, String extraFields) {
        return http.send("POST", "/calling/callConnections?api-version=" + VERSION,
                "{\"targets\":[{\"kind\":\"communicationUser\",\"rawId\":\"" + person + "\",\"communicationUser\":"
                        + "{\"id\":\"" + person + "\"}}],\"callbackUri\":\"" + receiver.url(path) + "\","
                        + extraFields + "}");
    }

    private HttpResponse<String> action(Call call, String action, String body) {
        return http.send("POST", "/calling/callConnections/" + call.id() + ":" + action + "?api-version=" + VERSION,
                body);
    }

    static String options(String transportUrl, String locale, boolean start) {
        return "\"transcriptionOptions\":{\"transportType\":\"websocket\",\"transportUrl\":\"" + transportUrl
                + "\",\"locale\":\"" + locale + "\",\"startTranscription\":" + start
                + ",\"enableIntermediateResults\":true}";
    }

    private static JsonNode sublist(JsonNode array, int count) {
        com.fasterxml.jackson.databind.node.ArrayNode first = MAPPER.createArrayNode();
        for (int i = 0; i < count; i++) {
            first.add(array.get(i));
        }
        return first;
    }

    private JsonNode data(String path, int index) {
        return receiver.received(path).get(index).json().get(0).path("data");
    }
}
