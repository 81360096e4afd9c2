package dev.acsemulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.acsemulator.config.EmulatorConfig;
import dev.acsemulator.delivery.eventgrid.EventGridSubscription;
import dev.acsemulator.http.HttpRequestMessage;
import dev.acsemulator.http.HttpResponseMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An IncomingCall waits for the answer to the request that raised it to be written, even with no Event Grid latency:
 * here the test stands in for the HTTP edge and holds the answer back, and the IncomingCall with it.
 */
class IncomingCallAfterTheAnswerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP_USER = "8:acs:0a5e0000-ca11-4a7e-8000-000000000001_app-order";

    @TempDir
    Path dataDir;

    private final List<String> notifications = new CopyOnWriteArrayList<>();
    private HttpServer webhook;
    private Emulator emulator;

    @BeforeEach
    void start() throws Exception {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            byte[] answer = new byte[0];
            String type = exchange.getRequestHeaders().getFirst("aeg-event-type");
            if ("SubscriptionValidation".equals(type)) {
                String code = JSON.readTree(body).get(0).path("data").path("validationCode").asText();
                answer = ("{\"validationResponse\":\"" + code + "\"}").getBytes(StandardCharsets.UTF_8);
            } else if ("Notification".equals(type)) {
                notifications.add(new String(body, StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        webhook.start();
        emulator = Emulator.start(EmulatorConfig.builder().dataDir(dataDir).httpsPort(-1).httpPort(0)
                .eventGridLatency(Duration.ZERO)
                .addEventGridSubscription(new EventGridSubscription("order", "http://127.0.0.1:"
                        + webhook.getAddress().getPort() + "/incoming", List.of(APP_USER), List.of()))
                .build());
    }

    @AfterEach
    void stop() {
        emulator.close();
        webhook.stop(0);
    }

    private HttpResponseMessage serve(HttpRequestMessage request) throws Exception {
        return emulator.requests().handle(request).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The answer arrives, is held back for a while, then written: the IncomingCall goes out only then. */
    private void assertTheIncomingCallWaitsFor(CompletableFuture<Void> written) {
        await("no IncomingCall before the answer is written").during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(3)).until(notifications::isEmpty);
        written.complete(null);
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications.size() == 1);
        assertThat(notifications.get(0)).contains("\"rawId\":\"" + APP_USER + "\"");
    }

    @Test
    void theIncomingCallOfACreateCallWaitsUntilItsAnswerIsWritten() throws Exception {
        String path = "/calling/callConnections?api-version=2025-06-15";
        byte[] body = ("{\"targets\":[{\"kind\":\"communicationUser\",\"rawId\":\"" + APP_USER + "\","
                + "\"communicationUser\":{\"id\":\"" + APP_USER + "\"}}],"
                + "\"callbackUri\":\"http://127.0.0.1:9/callbacks\"}").getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Void> written = new CompletableFuture<>();

        HttpResponseMessage answer = serve(new HttpRequestMessage("POST", path, signed("POST", path, body), body,
                "http", emulator.httpPort(), written));

        assertThat(answer.status()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        assertTheIncomingCallWaitsFor(written);
    }

    @Test
    void theIncomingCallOfASimulatedCallerWaitsUntilTheControlApiAnswerIsWritten() throws Exception {
        byte[] body = ("{\"from\":\"4:+14255550199\",\"to\":\"" + APP_USER + "\"}").getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Void> written = new CompletableFuture<>();

        HttpResponseMessage answer = serve(new HttpRequestMessage("POST", "/admin/calls:inbound", Map.of(), body,
                "http", emulator.httpPort(), written));

        assertThat(answer.status()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        assertTheIncomingCallWaitsFor(written);
    }

    /** The headers an SDK signs a request with (HMAC-SHA256 over method, path, date, host and body hash). */
    private Map<String, String> signed(String method, String pathAndQuery, byte[] body) throws Exception {
        String host = "127.0.0.1:" + emulator.httpPort();
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(emulator.config().accessKeys().get(0)), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal((method + "\n" + pathAndQuery + "\n" + date
                + ";" + host + ";" + hash).getBytes(StandardCharsets.UTF_8)));
        Map<String, String> headers = new HashMap<>();
        headers.put("host", host);
        headers.put("x-ms-date", date);
        headers.put("x-ms-content-sha256", hash);
        headers.put("content-type", "application/json");
        headers.put("authorization", "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature="
                + signature);
        return headers;
    }
}
