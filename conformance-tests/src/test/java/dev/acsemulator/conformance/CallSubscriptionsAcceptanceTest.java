package dev.acsemulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.conformance.support.SchemaCheck;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What GetCall, CreateCall and AnswerCall show of a connection's media streaming and transcription subscriptions
 * (the spec's CallConnectionProperties.mediaStreamingSubscription and transcriptionSubscription), over the
 * subscription's life: inactive from the options on, active once started, inactive again after stop; each response
 * validated against its api-version's schema.
 */
class CallSubscriptionsAcceptanceTest extends StreamingAppServersTest {

    private static final String VERSION = "2026-03-12";

    @Test
    void theMediaStreamingSubscriptionIsInactiveUntilStartedActiveWhileItStreamsAndInactiveAgainOnceStopped()
            throws Exception {
        String path = newCallbackPath();
        JsonNode created = created(VERSION, path, "\"mediaStreamingOptions\":{\"transportUrl\":\"" + streamApp.url()
                + "\",\"transportType\":\"websocket\",\"contentType\":\"audio\",\"audioChannelType\":\"mixed\","
                + "\"startMediaStreaming\":false}");
        JsonNode subscription = created.path("mediaStreamingSubscription");
        assertThat(subscription.path("state").asText()).isEqualTo("inactive");
        assertThat(subscription.path("id").asText()).isNotEmpty();
        assertThat(subscription.path("subscribedContentTypes").toString()).isEqualTo("[\"audio\"]");
        assertThat(created.has("transcriptionSubscription")).as("no transcription options, no subscription").isFalse();
        String id = created.path("callConnectionId").asText();
        receiver.awaitEventTypes(path, types -> types.contains("CallConnected"));
        assertThat(getCall(VERSION, id).path("mediaStreamingSubscription")).isEqualTo(subscription);

        assertThat(post(id, "startMediaStreaming", "{}").statusCode()).isEqualTo(202);
        receiver.awaitEventTypes(path, types -> types.contains("MediaStreamingStarted"));
        JsonNode started = getCall(VERSION, id).path("mediaStreamingSubscription");
        assertThat(started.path("state").asText()).isEqualTo("active");
        assertThat(started.path("id").asText()).isEqualTo(subscription.path("id").asText());
        JsonNode metadata = MAPPER.readTree(streamApp.awaitSocket(1).awaitTexts(1).get(0));
        assertThat(metadata.at("/audioMetadata/subscriptionId").asText()).as("the stream's subscription")
                .isEqualTo(subscription.path("id").asText());

        assertThat(post(id, "stopMediaStreaming", "{}").statusCode()).isEqualTo(202);
        receiver.awaitEventTypes(path, types -> types.contains("MediaStreamingStopped"));
        assertThat(getCall(VERSION, id).at("/mediaStreamingSubscription/state").asText()).isEqualTo("inactive");
    }

    @Test
    void theTranscriptionSubscriptionShowsItsResultTypesAndFollowsTheLocaleAnUpdateSets() {
        String path = newCallbackPath();
        JsonNode created = created(VERSION, path, TranscriptionAcceptanceTest.options(transcriptApp.url(), "en-US",
                false) + "," + AI);
        JsonNode subscription = created.path("transcriptionSubscription");
        assertThat(subscription.path("state").asText()).isEqualTo("inactive");
        assertThat(subscription.path("locale").asText()).isEqualTo("en-US");
        assertThat(subscription.path("subscribedResultTypes").toString()).isEqualTo("[\"final\",\"intermediate\"]");
        assertThat(created.has("mediaStreamingSubscription")).isFalse();
        String id = created.path("callConnectionId").asText();
        receiver.awaitEventTypes(path, types -> types.contains("CallConnected"));

        post(id, "startTranscription", "{}");
        receiver.awaitEventTypes(path, types -> types.contains("TranscriptionStarted"));
        JsonNode started = getCall(VERSION, id).path("transcriptionSubscription");
        assertThat(started.path("state").asText()).isEqualTo("active");
        assertThat(transcriptApp.awaitMessages(1).get(0).at("/transcriptionMetadata/subscriptionId").asText())
                .isEqualTo(subscription.path("id").asText()).isEqualTo(started.path("id").asText());

        post(id, "updateTranscription", "{\"locale\":\"fr-FR\"}");
        receiver.awaitEventTypes(path, types -> types.contains("TranscriptionUpdated"));
        assertThat(getCall(VERSION, id).at("/transcriptionSubscription/locale").asText()).isEqualTo("fr-FR");

        post(id, "stopTranscription", "{}");
        receiver.awaitEventTypes(path, types -> types.contains("TranscriptionStopped"));
        assertThat(getCall(VERSION, id).at("/transcriptionSubscription/state").asText()).isEqualTo("inactive");
    }

    @Test
    void aCallWithoutStreamingOrTranscriptionOptionsShowsNeitherSubscription() {
        String path = newCallbackPath();
        JsonNode created = created(VERSION, path, AI);
        receiver.awaitEventTypes(path, types -> types.contains("CallConnected"));

        JsonNode properties = getCall(VERSION, created.path("callConnectionId").asText());
        assertThat(properties.has("mediaStreamingSubscription")).isFalse();
        assertThat(properties.has("transcriptionSubscription")).isFalse();
    }

    @Test
    void theNovember2024PreviewShowsTheTranscriptionSubscriptionWithoutTheLocaleItsSpecLacks() {
        String preview = "2024-11-15-preview";
        String path = newCallbackPath();
        JsonNode created = created(preview, path, "\"transcriptionOptions\":{\"transportType\":\"websocket\","
                + "\"transportUrl\":\"" + transcriptApp.url() + "\",\"locale\":\"en-US\",\"startTranscription\":false}");
        receiver.awaitEventTypes(path, types -> types.contains("CallConnected"));

        JsonNode subscription = getCall(preview, created.path("callConnectionId").asText())
                .path("transcriptionSubscription");
        assertThat(subscription.path("state").asText()).isEqualTo("inactive");
        assertThat(subscription.path("subscribedResultTypes").toString()).isEqualTo("[\"final\"]");
        assertThat(subscription.has("locale")).isFalse();
    }

    private JsonNode created(String version, String callbackPath, String options) {
        String target = person();
        HttpResponse<String> response = http.send("POST", "/calling/callConnections?api-version=" + version,
                "{\"targets\":[{\"kind\":\"communicationUser\",\"rawId\":\"" + target + "\",\"communicationUser\":"
                        + "{\"id\":\"" + target + "\"}}],\"callbackUri\":\"" + receiver.url(callbackPath) + "\","
                        + options + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json(response);
        SchemaCheck.response(version, "CallConnectionProperties", body, "CreateCall at " + version);
        return body;
    }

    private JsonNode getCall(String version, String callConnectionId) {
        HttpResponse<String> response = http.send("GET", "/calling/callConnections/" + callConnectionId
                + "?api-version=" + version, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        SchemaCheck.response(version, "CallConnectionProperties", body, "GetCall at " + version);
        return body;
    }

    private HttpResponse<String> post(String callConnectionId, String action, String body) {
        return http.send("POST", "/calling/callConnections/" + callConnectionId + ":" + action + "?api-version="
                + VERSION, body);
    }
}
