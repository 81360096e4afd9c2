package dev.acsemulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.junit5.CallbackReceiver;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Event Grid delivery of IncomingCall (call-automation-behaviour.md §5.3, §5.4): both schemas, their handshakes, and
 * the retry rules.
 */
class EventGridAcceptanceTest extends ConformanceTest {

    private String subscribe(String path, String extraJson) {
        String to = RESOURCE_USER_PREFIX + "eg-" + UUID.randomUUID();
        String name = "eg-" + UUID.randomUUID();
        JsonNode created = json(http.send("POST", "/admin/eventgrid/subscriptions", "{\"name\":\"" + name
                + "\",\"endpoint\":\"" + receiver.url(path) + "\",\"toRawIds\":[\"" + to + "\"]" + extraJson + "}"));
        assertThat(created.path("validated").asBoolean()).as(created.toString()).isTrue();
        return to;
    }

    private List<String> outcomes(String serverCallId) {
        return control.deliveries(serverCallId).path("attempts").findValuesAsText("outcome");
    }

    @Test
    void aCloudEventsSubscriptionIsValidatedWithOptionsAndGetsOneStructuredEvent() {
        String path = "/ce-" + UUID.randomUUID();
        String to = subscribe(path, ",\"schema\":\"CloudEventSchemaV1_0\"");
        CallbackReceiver.Received handshake = receiver.received(path).get(0);
        assertThat(handshake.method()).isEqualTo("OPTIONS");
        assertThat(handshake.header("WebHook-Request-Origin")).isEqualTo("eventgrid.azure.net");
        control.placeInboundCall("4:+14255550180", to, null, Map.of(), Map.of());
        JsonNode event = receiver.awaitIncomingCall(path, 1);
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("type").asText()).isEqualTo("Microsoft.Communication.IncomingCall");
        assertThat(event.path("data").path("to").path("rawId").asText()).isEqualTo(to);
        CallbackReceiver.Received post = receiver.received(path).get(1);
        assertThat(post.header("Content-Type")).startsWith("application/cloudevents+json");
        assertThat(post.json().isObject()).isTrue();
    }

    @Test
    void failedDeliveriesAreRetriedOnTheEventGridScheduleUntilTheyGetThrough() {
        String path = "/eg-retry-" + UUID.randomUUID();
        String to = subscribe(path, "");
        receiver.answerNext(path, 503, 500);
        String serverCallId = control.placeInboundCall("4:+14255550181", to, null, Map.of(), Map.of());
        JsonNode event = receiver.awaitIncomingCall(path, 3);
        assertThat(event.path("data").path("to").path("rawId").asText()).isEqualTo(to);
        assertThat(receiver.received(path).get(3).header("aeg-delivery-count")).isEqualTo("2");
        await().until(() -> outcomes(serverCallId), o -> o.contains("delivered"));
        assertThat(outcomes(serverCallId)).containsExactly("retrying", "retrying", "delivered");
    }

    @Test
    void a400IsNeverRetriedAndMaxDeliveryAttemptsIsKept() {
        String path = "/eg-400-" + UUID.randomUUID();
        String to = subscribe(path, "");
        receiver.answerNext(path, 400);
        String refused = control.placeInboundCall("4:+14255550182", to, null, Map.of(), Map.of());
        await().until(() -> outcomes(refused), o -> !o.isEmpty());
        assertThat(outcomes(refused)).containsExactly("failed");

        String limitedPath = "/eg-limited-" + UUID.randomUUID();
        String limited = subscribe(limitedPath, ",\"maxDeliveryAttempts\":2");
        receiver.answerNext(limitedPath, 503, 503, 503);
        String gaveUp = control.placeInboundCall("4:+14255550183", limited, null, Map.of(), Map.of());
        await().until(() -> outcomes(gaveUp), o -> o.contains("failed"));
        assertThat(outcomes(gaveUp)).containsExactly("retrying", "failed");
    }

    @Test
    void aBadSubscriptionIsRefused() {
        assertThat(http.send("POST", "/admin/eventgrid/subscriptions", "{\"name\":\"x\",\"endpoint\":\"ftp://x\"}")
                .statusCode()).isEqualTo(400);
        assertThat(http.send("POST", "/admin/eventgrid/subscriptions", "{\"name\":\"x\",\"endpoint\":\"http://127.0.0.1:9/\","
                + "\"maxDeliveryAttempts\":31}").statusCode()).isEqualTo(400);
        assertThat(http.send("POST", "/admin/eventgrid/subscriptions", "{\"name\":\"x\",\"endpoint\":\"http://127.0.0.1:9/\","
                + "\"schema\":\"Custom\"}").statusCode()).isEqualTo(400);
    }
}
