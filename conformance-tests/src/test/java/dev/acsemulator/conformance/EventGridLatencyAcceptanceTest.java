package dev.acsemulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.Emulator;
import dev.acsemulator.config.EmulatorConfig;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import dev.acsemulator.conformance.support.SignedHttp;
import dev.acsemulator.delivery.eventgrid.EventGridSubscription;
import dev.acsemulator.junit5.CallbackReceiver;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Event Grid's latency (the emulator's --event-grid-latency) and the promise behind it: an IncomingCall never reaches
 * the application before the answer to the request that raised it, whatever the latency. Over a loopback the answer
 * usually wins the race on its own; the emulator's IncomingCallAfterTheAnswerTest holds the answer back to show that
 * the IncomingCall waits for it.
 */
class EventGridLatencyAcceptanceTest {

    private static final String APP_PREFIX = "8:acs:0a5e0000-ca11-4a7e-8000-000000000001_latency-";
    private static final String API = "?api-version=2025-06-15";

    private static Emulator start(CallbackReceiver webhook, EmulatorConfig.ClockMode clock, Duration latency) {
        return Emulator.start(EmulatorConfig.builder().httpsPort(0).httpPort(0)
                .dataDir(EmulatorUnderTest.emulator().config().dataDir())
                .clockMode(clock).eventGridLatency(latency)
                .addEventGridSubscription(new EventGridSubscription("latency", webhook.url("/incoming"), List.of(),
                        List.of(APP_PREFIX)))
                .build());
    }

    private static String createCallBody(String target, String callback) {
        return "{\"targets\":[{\"kind\":\"communicationUser\",\"rawId\":\"" + target + "\",\"communicationUser\":"
                + "{\"id\":\"" + target + "\"}}],\"callbackUri\":\"" + callback + "\"}";
    }

    private static String targetOf(CallbackReceiver.Received post) {
        JsonNode json = post.json();
        return (json.isArray() ? json.get(0) : json).path("data").path("to").path("rawId").asText();
    }

    /**
     * Sends a signed CreateCall over a plain socket and leaves its answer unread, so that the webhook can look at the
     * socket when the IncomingCall arrives: whatever the emulator wrote before is already in the socket's buffer.
     */
    private static void sendCreateCall(Socket socket, Emulator emulator, SignedHttp signer, String target,
                                       String callback) throws IOException {
        String pathAndQuery = "/calling/callConnections" + API;
        String host = "127.0.0.1:" + emulator.httpPort();
        byte[] body = createCallBody(target, callback).getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("POST " + pathAndQuery + " HTTP/1.1\r\nHost: " + host
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n");
        signer.signatureHeaders("POST", pathAndQuery, host, body)
                .forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        OutputStream out = socket.getOutputStream();
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }

    @Test
    void withNoLatencyTheCreateCallAnswerIsAlreadyWrittenWhenItsIncomingCallArrives() throws IOException {
        Map<String, InputStream> answers = new ConcurrentHashMap<>();
        Map<String, Boolean> answeredFirst = new ConcurrentHashMap<>();
        try (CallbackReceiver webhook = new CallbackReceiver()) {
            webhook.onReceived(post -> {
                if ("Notification".equals(post.header("aeg-event-type"))) {
                    InputStream answer = answers.get(targetOf(post));
                    try {
                        answeredFirst.put(targetOf(post), answer != null && answer.available() > 0);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            try (Emulator emulator = start(webhook, EmulatorConfig.ClockMode.REAL, Duration.ZERO)) {
                SignedHttp signer = new SignedHttp(emulator);
                for (int round = 0; round < 10; round++) {
                    String target = APP_PREFIX + UUID.randomUUID();
                    try (Socket socket = new Socket("127.0.0.1", emulator.httpPort())) {
                        answers.put(target, socket.getInputStream());
                        sendCreateCall(socket, emulator, signer, target, webhook.url("/cb/" + round));
                        await().atMost(Duration.ofSeconds(10)).until(() -> answeredFirst.containsKey(target));
                        assertThat(statusLine(socket.getInputStream())).isEqualTo("HTTP/1.1 201 Created");
                    }
                }
            }
        }
        assertThat(answeredFirst).hasSize(10).allSatisfy((target, answered) ->
                assertThat(answered).as("the CreateCall answer was written before the IncomingCall to " + target)
                        .isTrue());
    }

    @Test
    void anIncomingCallArrivesEventGridsLatencyAfterTheAnswerOnTheEmulatorsClock() {
        try (CallbackReceiver webhook = new CallbackReceiver();
             Emulator emulator = start(webhook, EmulatorConfig.ClockMode.MANUAL, Duration.ofSeconds(2))) {
            String target = APP_PREFIX + UUID.randomUUID();
            HttpResponse<String> created = new SignedHttp(emulator).send("POST", "/calling/callConnections" + API,
                    createCallBody(target, webhook.url("/cb")));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

            emulator.control().advanceClock("PT1.9S");
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> webhook.notifications("/incoming").isEmpty());

            emulator.control().advanceClock("PT0.1S");
            JsonNode incoming = webhook.awaitIncomingCall("/incoming", 1);
            assertThat(incoming.path("data").path("to").path("rawId").asText()).isEqualTo(target);
        }
    }
}
