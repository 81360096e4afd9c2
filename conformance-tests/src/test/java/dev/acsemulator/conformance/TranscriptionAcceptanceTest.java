package dev.acsemulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

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

    private JsonNode data(String path, int index) {
        return receiver.received(path).get(index).json().get(0).path("data");
    }
}
