package dev.acsemulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The runnable emulator ({@link Main}, in its own JVM, with slf4j-simple as in the runnable jar) logs what a user
 * follows a call by: one line per request and per delivery attempt, with the ids that tie them to the call, at the
 * level {@code --log-level} (or {@code ACS_EMULATOR_LOG_LEVEL}) sets. Its standard error is read line by line; an
 * application's webhooks are a JDK HTTP server in this test.
 */
class StandaloneLoggingAcceptanceTest {

    private static final String KEY = "Y2FsbC1hdXRvbWF0aW9uLWVtdWxhdG9yLWtleS0wMDE=";
    private static final String API_VERSION = "2025-06-15";
    private static final Pattern HTTP_ENDPOINT = Pattern.compile("Plain HTTP\\s+: endpoint=(http://[^/]+/)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final List<String> errorLines = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> incomingCallContext = new CompletableFuture<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer webhooks;
    private volatile int incomingCallStatus = 200;
    private Process emulator;
    private Thread errorReader;
    private String endpoint;

    @BeforeEach
    void startWebhooks() throws IOException {
        webhooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhooks.createContext("/eventgrid", this::eventGrid);
        webhooks.createContext("/callbacks", exchange -> answer(exchange, 200, ""));
        webhooks.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (emulator != null) {
            emulator.destroy();
            if (!emulator.waitFor(20, TimeUnit.SECONDS)) {
                emulator.destroyForcibly();
            }
        }
        webhooks.stop(0);
    }

    @Test
    void atInfoEachRequestAndEachDeliveryAttemptIsOneLineWithTheIdsOfItsCall() throws Exception {
        start(List.of("--log-level=info"), List.of());

        JsonNode inbound = JSON.readTree(send(HttpRequest.newBuilder(URI.create(endpoint + "admin/calls:inbound"))
                .header("x-ms-client-request-id", "inbound-1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"4:+15550109999\",\"to\":\"4:+18005550100\"}"))
                .build(), 201));
        String serverCallId = inbound.path("serverCallId").asText();
        String context = incomingCallContext.get(30, TimeUnit.SECONDS);
        String callbackUrl = "http://127.0.0.1:" + webhooks.getAddress().getPort() + "/callbacks";
        JsonNode answered = JSON.readTree(send(signed("POST", "/calling/callConnections:answer?api-version="
                + API_VERSION, "{\"incomingCallContext\":\"" + context + "\",\"callbackUri\":\"" + callbackUrl
                + "\"}", "answer-1"), 200));
        String callConnectionId = answered.path("callConnectionId").asText();

        String accessLine = awaitLine("INFO dev.acsemulator.access - POST /admin/calls:inbound ");
        assertThat(accessLine).matches(".* 201 \\d+\\.\\d ms requestId=inbound-1 serverCallId="
                + Pattern.quote(serverCallId));
        assertThat(awaitLine("INFO dev.acsemulator.delivery - eventgrid IncomingCall attempt 1 "))
                .matches(".* to http://127\\.0\\.0\\.1:\\d+/eventgrid: 200 in \\d+\\.\\d ms subscription=incoming"
                        + " serverCallId=" + Pattern.quote(serverCallId) + " eventId=[0-9a-f-]{36}");
        assertThat(awaitLine("INFO dev.acsemulator.access - POST /calling/callConnections:answer"))
                .matches(".*:answer\\?api-version=" + API_VERSION + " 200 \\d+\\.\\d ms requestId=answer-1"
                        + " callConnectionId=" + callConnectionId + " serverCallId=" + Pattern.quote(serverCallId));
        assertThat(awaitLine("INFO dev.acsemulator.delivery - callback CallConnected attempt 1 "))
                .matches(".* to " + Pattern.quote(callbackUrl) + ": 200 in \\d+\\.\\d ms callConnectionId="
                        + callConnectionId + " eventId=[0-9a-f-]{36}");
        assertThat(accessLine).as("each line starts with its time")
                .matches("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}.*");
    }

    @Test
    void atWarnFromTheEnvironmentOnlyWhatWentWrongIsLogged() throws Exception {
        incomingCallStatus = 400;
        start(List.of(), List.of("ACS_EMULATOR_LOG_LEVEL=warn"));

        send(HttpRequest.newBuilder(URI.create(endpoint + "admin/calls")).GET().build(), 200);
        send(HttpRequest.newBuilder(URI.create(endpoint + "admin/calls:inbound"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"4:+15550109999\",\"to\":\"4:+18005550100\"}"))
                .build(), 201);

        assertThat(awaitLine("WARN dev.acsemulator.delivery - eventgrid IncomingCall attempt 1 "))
                .contains(": HTTP 400 in ");
        assertThat(errorLines).noneMatch(line -> line.contains("dev.acsemulator.access"))
                .noneMatch(line -> line.contains(" INFO "));
    }

    @Test
    void atOffNothingIsLoggedNotEvenTheFailures() throws Exception {
        incomingCallStatus = 400;
        start(List.of("--log-level=off"), List.of());

        String serverCallId = JSON.readTree(send(HttpRequest.newBuilder(URI.create(endpoint + "admin/calls:inbound"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"4:+15550109999\",\"to\":\"4:+18005550100\"}"))
                .build(), 201)).path("serverCallId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(serverCallId).contains("\"status\":400"));
        emulator.destroy();
        assertThat(emulator.waitFor(20, TimeUnit.SECONDS)).isTrue();
        errorReader.join(TimeUnit.SECONDS.toMillis(20));

        assertThat(errorLines).isEmpty();
    }

    /** Starts Main in its own JVM on this test's class path, and waits for its banner. */
    private void start(List<String> options, List<String> environment) throws Exception {
        Path config = dataDir.resolve("config.json");
        Files.writeString(config, "{\"ownedPhoneNumbers\": [\"+18005550100\"], \"eventGridSubscriptions\": [{"
                + "\"name\": \"incoming\", \"endpoint\": \"http://127.0.0.1:" + webhooks.getAddress().getPort()
                + "/eventgrid\", \"toRawIds\": [\"4:+18005550100\"]}]}");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--config=" + config, "--data-dir=" + dataDir, "--https-port=-1",
                "--http-port=0"));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command);
        environment.forEach(variable -> builder.environment().put(variable.substring(0, variable.indexOf('=')),
                variable.substring(variable.indexOf('=') + 1)));
        emulator = builder.start();
        errorReader = new Thread(() -> readLines(emulator.getErrorStream(), errorLines),
                "emulator-stderr");
        errorReader.setDaemon(true);
        errorReader.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(emulator.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher matcher = HTTP_ENDPOINT.matcher(line);
            if (matcher.find()) {
                endpoint = matcher.group(1);
                break;
            }
        }
        assertThat(endpoint).as("the banner's plain HTTP endpoint; standard error: %s", errorLines).isNotNull();
    }

    private String awaitLine(String fragment) {
        await().atMost(Duration.ofSeconds(30)).until(() -> errorLines.stream().anyMatch(l -> l.contains(fragment)));
        return errorLines.stream().filter(line -> line.contains(fragment)).findFirst().orElseThrow();
    }

    private String deliveries(String serverCallId) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(endpoint + "admin/calls/" + serverCallId + "/deliveries"))
                .GET().build(), 200);
    }

    private String send(HttpRequest request, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", request.method(), request.uri(), response.body())
                .isEqualTo(expectedStatus);
        return response.body();
    }

    /** A request signed as the SDKs sign: HMAC-SHA256 over verb, path and query, date, host and content hash. */
    private HttpRequest signed(String method, String pathAndQuery, String body, String clientRequestId)
            throws Exception {
        URI uri = URI.create(endpoint + pathAndQuery.substring(1));
        String date = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
                .format(ZonedDateTime.now(ZoneOffset.UTC));
        String contentHash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(body.getBytes(StandardCharsets.UTF_8)));
        String host = uri.getHost() + ":" + uri.getPort();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(KEY), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal((method + "\n" + pathAndQuery + "\n"
                + date + ";" + host + ";" + contentHash).getBytes(StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(uri)
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("x-ms-date", date)
                .header("x-ms-content-sha256", contentHash)
                .header("x-ms-client-request-id", clientRequestId)
                .header("Authorization", "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature="
                        + signature)
                .build();
    }

    /** The Event Grid webhook: answers the validation handshake, takes IncomingCall with the configured status. */
    private void eventGrid(HttpExchange exchange) throws IOException {
        JsonNode events = JSON.readTree(exchange.getRequestBody().readAllBytes());
        if ("SubscriptionValidation".equals(exchange.getRequestHeaders().getFirst("aeg-event-type"))) {
            answer(exchange, 200, "{\"validationResponse\":\"" + events.path(0).path("data").path("validationCode")
                    .asText() + "\"}");
            return;
        }
        incomingCallContext.complete(events.path(0).path("data").path("incomingCallContext").asText());
        answer(exchange, incomingCallStatus, "");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void readLines(java.io.InputStream stream, List<String> into) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                into.add(line);
            }
        } catch (IOException e) {
            into.add("(standard error unreadable: " + e + ")");
        }
    }
}
