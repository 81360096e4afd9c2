package dev.acsemulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.acsemulator.Emulator;
import dev.acsemulator.config.EmulatorConfig;
import dev.acsemulator.conformance.support.SignedHttp;
import dev.acsemulator.delivery.DeliveryJournal;
import dev.acsemulator.delivery.DeliveryOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The flow of Microsoft's OpenAI and live-transcription sample applications
 * ({@code Azure-Samples/communication-services-javascript-quickstarts}, {@code callautomation-openai-sample}): their
 * Express callback handler acts on each event and never answers the POST. Each event must reach such an application
 * once, in order and without waiting for the delivery timeout: a second CallConnected would start a second recognize
 * (8519) and end the sample's process, and events held behind unanswered POSTs would stall the call.
 */
class UnansweredCallbacksAcceptanceTest extends ConformanceTest {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(4);

    @Test
    void anApplicationThatNeverAnswersGetsEachEventOnceInOrderWithoutWaitingForTheTimeout(@TempDir Path dataDir)
            throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer silentApp = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        silentApp.createContext("/api/callbacks", exchange -> {
            JsonNode events = MAPPER.readTree(exchange.getRequestBody().readAllBytes());
            received.add(new Received(events.get(0).path("type").asText().replace("Microsoft.Communication.", ""),
                    System.nanoTime()));
        });
        silentApp.start();
        try (Emulator emulator = Emulator.start(EmulatorConfig.builder().httpsPort(0).httpPort(-1).dataDir(dataDir)
                .answerDelay(Duration.ofMillis(100)).deliveryTimeout(DELIVERY_TIMEOUT).build())) {
            SignedHttp api = new SignedHttp(emulator);
            String callback = "http://127.0.0.1:" + silentApp.getAddress().getPort() + "/api/callbacks";
            String person = "4:+15550100007";
            HttpResponse<String> created = api.send("POST", "/calling/callConnections?api-version=2025-06-15",
                    "{\"targets\":[{\"kind\":\"phoneNumber\",\"rawId\":\"" + person + "\",\"phoneNumber\":{\"value\":"
                            + "\"+15550100007\"}}],\"sourceCallerIdNumber\":{\"value\":\"+18005550100\"},"
                            + "\"callbackUri\":\"" + callback + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String connection = json(created).path("callConnectionId").asText();
            String serverCallId = json(created).path("serverCallId").asText();

            await().atMost(Duration.ofSeconds(5)).until(() -> types(received).contains("ParticipantsUpdated"));
            assertThat(types(received)).startsWith("CallConnected", "ParticipantsUpdated");
            assertThat(Duration.ofNanos(received.get(1).nanos() - received.get(0).nanos()))
                    .as("ParticipantsUpdated does not wait for the unanswered CallConnected to time out")
                    .isLessThan(DELIVERY_TIMEOUT.minusSeconds(1));

            HttpResponse<String> recognize = api.send("POST", "/calling/callConnections/" + connection
                    + ":recognize?api-version=2025-06-15", "{\"recognizeInputType\":\"dtmf\",\"recognizeOptions\":{"
                    + "\"targetParticipant\":{\"kind\":\"phoneNumber\",\"rawId\":\"" + person + "\",\"phoneNumber\":"
                    + "{\"value\":\"+15550100007\"}},\"initialSilenceTimeoutInSeconds\":5,\"dtmfOptions\":"
                    + "{\"maxTonesToCollect\":1}},\"operationContext\":\"menu\"}");
            assertThat(recognize.statusCode()).as(recognize.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(6)).until(() -> types(received).contains("RecognizeCompleted"));
            assertThat(api.send("DELETE", "/calling/callConnections/" + connection + "?api-version=2025-06-15", null)
                    .statusCode()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(5)).until(() -> types(received).contains("CallDisconnected"));

            await().pollDelay(DELIVERY_TIMEOUT.plusSeconds(2)).atMost(DELIVERY_TIMEOUT.plusSeconds(4))
                    .until(() -> true);
            List<String> types = types(received);
            assertThat(types).as("each event once, in order").containsOnlyOnce("CallConnected", "RecognizeCompleted",
                    "CallDisconnected");
            assertThat(types.indexOf("CallConnected")).isLessThan(types.indexOf("RecognizeCompleted"));
            assertThat(types.indexOf("RecognizeCompleted")).isLessThan(types.indexOf("CallDisconnected"));
            assertThat(types).filteredOn("CallConnected"::equals).hasSize(1);
            List<DeliveryJournal.AttemptRecord> attempts = emulator.deliveryJournal().forCall(serverCallId);
            assertThat(attempts).as("no attempt is retried").noneMatch(attempt -> attempt.attempt() > 1)
                    .noneMatch(attempt -> attempt.outcome() == DeliveryOutcome.RETRYING);
            assertThat(attempts).filteredOn(attempt -> attempt.eventType().equals("CallConnected"))
                    .singleElement().satisfies(attempt -> {
                        assertThat(attempt.outcome()).isEqualTo(DeliveryOutcome.FAILED);
                        assertThat(attempt.error()).contains("timed out");
                    });
        } finally {
            silentApp.stop(0);
        }
    }

    @Test
    void anIncomingCallWhosePostIsNeverAnsweredIsOfferedAgainOnlyAfterEventGridsThirtySeconds() throws Exception {
        List<JsonNode> offered = new CopyOnWriteArrayList<>();
        HttpServer silentApp = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        silentApp.createContext("/api/incomingCall", exchange -> {
            JsonNode event = MAPPER.readTree(exchange.getRequestBody().readAllBytes()).get(0);
            if ("SubscriptionValidation".equals(exchange.getRequestHeaders().getFirst("aeg-event-type"))) {
                byte[] answer = MAPPER.writeValueAsBytes(MAPPER.createObjectNode().put("validationResponse",
                        event.path("data").path("validationCode").asText()));
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            } else {
                offered.add(event);
            }
        });
        silentApp.start();
        String name = "silent-" + java.util.UUID.randomUUID();
        try {
            String to = person();
            JsonNode created = json(http.send("POST", "/admin/eventgrid/subscriptions", "{\"name\":\"" + name
                    + "\",\"endpoint\":\"http://127.0.0.1:" + silentApp.getAddress().getPort()
                    + "/api/incomingCall\",\"toRawIds\":[\"" + to + "\"]}"));
            assertThat(created.path("validated").asBoolean()).as(created.toString()).isTrue();
            control.placeInboundCall("4:+14255550181", to, null, java.util.Map.of(), java.util.Map.of());
            await().atMost(Duration.ofSeconds(5)).until(() -> !offered.isEmpty());
            String path = newCallbackPath();
            client.answerCall(offered.get(0).path("data").path("incomingCallContext").asText(), receiver.url(path));
            receiver.awaitEventTypes(path, types -> types.contains("CallConnected"));

            await().pollDelay(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(13)).until(() -> true);
            assertThat(offered).as("Event Grid waits 30 s for the answer before it retries").hasSize(1);
        } finally {
            http.send("DELETE", "/admin/eventgrid/subscriptions/" + name, null);
            silentApp.stop(0);
        }
    }

    private static List<String> types(List<Received> received) {
        return received.stream().map(Received::type).toList();
    }

    private record Received(String type, long nanos) { }
}
