package dev.acsemulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.acsemulator.activity.ActivityItem;
import dev.acsemulator.activity.ActivityRecording;
import dev.acsemulator.config.EmulatorConfig;
import dev.acsemulator.testing.HmacSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard's back end over real HTTP: the live feed as Server-Sent Events, a call's activity, one item in full,
 * the export and the Mermaid diagram, for a call created with a signed CreateCall and answered by a simulated callee.
 */
class ActivityFeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CALLEE = "8:acs:0a5e0000-ca11-4a7e-8000-000000000001_feed-callee";
    private static final String TOKEN = "feed-token";

    @TempDir
    Path dataDir;

    private HttpServer webhook;
    private Emulator emulator;
    private HttpClient client;
    private final List<CompletableFuture<?>> feeds = new ArrayList<>();
    /** The body of the last CreateCall's answer. */
    private String lastCreated;

    @BeforeEach
    void start() throws Exception {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhook.start();
        emulator = Emulator.start(EmulatorConfig.builder().dataDir(dataDir).httpsPort(-1).httpPort(0)
                .adminToken(TOKEN).build());
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void stop() {
        feeds.forEach(feed -> feed.cancel(true));
        emulator.close();
        webhook.stop(0);
    }

    @Test
    void aSubscriberSeesTheCallAppearItsCreateCallAndItsCallConnectedDelivered() throws Exception {
        List<String> lines = subscribe("/admin/feed");

        String serverCallId = createCall();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(dataOf(lines, "activity"))
                .anySatisfy(item -> assertThat(item.path("label").asText()).isEqualTo("CreateCall 201"))
                .anySatisfy(item -> assertThat(item.path("eventType").asText() + " " + item.path("kind").asText()
                        + " " + item.path("outcome").asText()).isEqualTo("CallConnected delivery delivered")));
        assertThat(dataOf(lines, "call")).anySatisfy(call -> {
            assertThat(call.path("serverCallId").asText()).isEqualTo(serverCallId);
            assertThat(call.path("state").asText()).isEqualTo("active");
        });
        assertThat(dataOf(lines, "activity")).allSatisfy(item ->
                assertThat(item.path("serverCallId").asText()).isEqualTo(serverCallId));
    }

    @Test
    void aFeedOfOneCallCarriesNothingOfAnother() throws Exception {
        openThePage();
        String first = createCall();
        List<String> lines = subscribe("/admin/feed?call=" + first);

        String second = createCall();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(dataOf(lines, "activity"))
                .anySatisfy(item -> assertThat(item.path("from").asText() + " " + item.path("label").asText())
                        .isEqualTo(CALLEE + " joined")));
        assertThat(get("/admin/calls/" + first + "/participants/" + encoded(CALLEE) + ":hangUp", "POST")
                .statusCode()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(dataOf(lines, "activity"))
                .anySatisfy(item -> assertThat(item.path("label").asText()).isEqualTo("left")));
        assertThat(dataOf(lines, "activity")).noneSatisfy(item ->
                assertThat(item.path("serverCallId").asText()).isEqualTo(second));
    }

    @Test
    void theActivityListsTheRequestBeforeItsEventsAndShowsEachInFullWhileSomeoneWatches() throws Exception {
        subscribe("/admin/feed");
        String serverCallId = createCall();
        String base = "/admin/calls/" + serverCallId + "/activity";

        await().atMost(Duration.ofSeconds(10)).until(() -> items(base).stream().anyMatch(item ->
                item.path("kind").asText().equals("delivery")));
        List<JsonNode> items = items(base);

        assertThat(items.get(0).path("seq").asLong()).isEqualTo(1);
        assertThat(items).extracting(item -> item.path("seq").asLong()).isSorted().doesNotHaveDuplicates();
        JsonNode request = items.stream().filter(item -> item.path("kind").asText().equals("request")).findFirst()
                .orElseThrow();
        JsonNode event = items.stream().filter(item -> item.path("kind").asText().equals("event")).findFirst()
                .orElseThrow();
        assertThat(request.path("seq").asLong()).isLessThan(event.path("seq").asLong());
        assertThat(request.path("from").asText()).isEqualTo("app:127.0.0.1:" + webhook.getAddress().getPort()
                + "/callbacks");
        assertThat(request.path("latencyMs").isNumber()).isTrue();

        JsonNode fullRequest = JSON.readTree(get(base + "/" + request.path("seq").asLong(), "GET").body());
        assertThat(fullRequest.at("/request/body/targets/0/rawId").asText()).isEqualTo(CALLEE);
        assertThat(fullRequest.at("/response/status").asInt()).isEqualTo(201);
        assertThat(fullRequest.at("/response/body/serverCallId").asText()).isEqualTo(serverCallId);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode fullEvent = JSON.readTree(get(base + "/" + event.path("seq").asLong(), "GET").body());
            assertThat(fullEvent.at("/event/0/id").asText()).isEqualTo(event.path("eventId").asText());
            assertThat(fullEvent.at("/event/0/type").asText()).isEqualTo("Microsoft.Communication."
                    + event.path("eventType").asText());
            assertThat(fullEvent.path("attempts")).isNotEmpty();
        });
    }

    @Test
    void aRequestIsNamedByItsOperationWhetherTheApiMatchedItsRouteOrRefusedItBefore() throws Exception {
        openThePage();
        String serverCallId = createCall();
        String base = "/admin/calls/" + serverCallId + "/activity";
        await().atMost(Duration.ofSeconds(10)).until(() -> items(base).stream().anyMatch(item ->
                item.path("kind").asText().equals("request")));
        String callConnectionId = items(base).stream().filter(item -> item.path("kind").asText().equals("request"))
                .findFirst().orElseThrow().path("connectionId").asText();
        String path = "/calling/callConnections/" + callConnectionId + "?api-version=2025-06-15";
        HttpRequest.Builder signed = HttpRequest.newBuilder(uri(path)).GET();
        new HmacSigner(emulator.config().accessKeys().get(0))
                .headers("GET", path, "127.0.0.1:" + emulator.httpPort(), new byte[0]).forEach(signed::header);

        assertThat(client.send(signed.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(401);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(items(base))
                .filteredOn(item -> item.path("kind").asText().equals("request"))
                .extracting(item -> item.path("label").asText() + " " + item.path("operation").asText())
                .containsExactly("CreateCall 201 CreateCall", "CallConnection_GetCall 200 CallConnection_GetCall",
                        "CallConnection_GetCall 401 CallConnection_GetCall"));
    }

    @Test
    void whileNoOneWatchesARequestKeepsItsShapeButNotItsBodiesAndAnEventNotItself() throws Exception {
        openThePage(); // once, then closed: activity is recorded, bodies are not
        String serverCallId = createCall();
        String base = "/admin/calls/" + serverCallId + "/activity";
        await().atMost(Duration.ofSeconds(10)).until(() -> items(base).stream().anyMatch(item ->
                item.path("kind").asText().equals("event")));
        List<JsonNode> items = items(base);

        JsonNode request = JSON.readTree(get(base + "/" + items.get(0).path("seq").asLong(), "GET").body());
        JsonNode event = JSON.readTree(get(base + "/" + items.stream().filter(item -> item.path("kind").asText()
                .equals("event")).findFirst().orElseThrow().path("seq").asLong(), "GET").body());

        assertThat(request.at("/request/method").asText()).isEqualTo("POST");
        assertThat(request.at("/request/bodyKept").asBoolean()).isFalse();
        assertThat(request.at("/request/body").isNull()).isTrue();
        assertThat(request.at("/response/bodyKept").asBoolean()).isFalse();
        assertThat(event.path("eventKept").asBoolean()).isFalse();
        assertThat(event.path("event").isNull()).isTrue();
    }

    @Test
    void theExportHoldsTheCallItsActivityAndItsDeliveries() throws Exception {
        openThePage();
        String serverCallId = createCall();
        await().atMost(Duration.ofSeconds(10)).until(() -> items("/admin/calls/" + serverCallId + "/activity")
                .stream().anyMatch(item -> item.path("kind").asText().equals("delivery")));

        JsonNode export = JSON.readTree(get("/admin/calls/" + serverCallId + "/export", "GET").body());

        assertThat(export.at("/call/serverCallId").asText()).isEqualTo(serverCallId);
        assertThat(export.at("/call/journal")).isNotEmpty();
        assertThat(export.path("activity")).isNotEmpty();
        assertThat(export.at("/activity/0/request/method").asText()).isEqualTo("POST");
        assertThat(export.path("deliveries")).isNotEmpty();
    }

    @Test
    void theDiagramHasTheAppTheEmulatorAndTheCalleeAsLifelinesAndAnArrowPerRequestAndEvent() throws Exception {
        openThePage();
        String serverCallId = createCall();
        await().atMost(Duration.ofSeconds(10)).until(() -> items("/admin/calls/" + serverCallId + "/activity")
                .stream().anyMatch(item -> item.path("kind").asText().equals("delivery")));

        HttpResponse<String> diagram = get("/admin/calls/" + serverCallId + "/diagram.mmd", "GET");

        assertThat(diagram.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
        List<String> lines = diagram.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("sequenceDiagram");
        List<String> participants = lines.stream().filter(line -> line.startsWith("    participant ")).toList();
        assertThat(participants).containsSubsequence(
                "    participant A1 as app:127.0.0.1:" + webhook.getAddress().getPort() + "/callbacks",
                "    participant E as emulator");
        assertThat(participants).anySatisfy(line -> assertThat(line).endsWith(" as " + CALLEE));
        List<String> arrows = lines.stream().filter(line -> line.matches("    \\w+(->>|-\\)|-->>|--x)\\w+: .+"))
                .toList();
        assertThat(arrows).first().satisfies(line -> assertThat(line).matches("    A1->>E: CreateCall 201 \\(.+ ms\\)"));
        assertThat(arrows).contains("    E-)A1: CallConnected");
        assertThat(lines.stream().skip(1).filter(line -> !line.isBlank())).allSatisfy(line -> assertThat(line)
                .matches("    (title .+|participant \\w+ as .+|\\w+(->>|-\\)|-->>|--x)\\w+: .+|Note over \\w+: .+)"));
    }

    @Test
    void aFaultThatFiresIsAFaultEventAnItemOfTheCallAndADroppedDelivery() throws Exception {
        emulator.control().addFault("{\"count\":1,\"match\":{\"eventType\":\"CallConnected\"},"
                + "\"fault\":{\"type\":\"dropEvent\"}}");
        List<String> lines = subscribe("/admin/feed");

        String serverCallId = createCall();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(dataOf(lines, "fault"))
                .anySatisfy(fault -> {
                    assertThat(fault.path("fault").asText()).isEqualTo("DropEvent");
                    assertThat(fault.path("serverCallId").asText()).isEqualTo(serverCallId);
                }));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                emulator.control().activity(serverCallId).path("items"))
                .anySatisfy(item -> assertThat(item.path("kind").asText() + " " + item.path("eventType").asText())
                        .isEqualTo("fault CallConnected"))
                .anySatisfy(item -> assertThat(item.path("kind").asText() + " " + item.path("outcome").asText()
                        + " " + item.path("attempt").asInt()).isEqualTo("delivery dropped 0")));
        assertThat(emulator.control().diagram(serverCallId)).contains("--xA1: CallConnected #35;0 dropped");
    }

    @Test
    void theActivityGoesWithTheCallWhenTheCallIsForgotten() throws Exception {
        emulator.close();
        emulator = Emulator.start(EmulatorConfig.builder().dataDir(dataDir).httpsPort(-1).httpPort(0)
                .adminToken(TOKEN).endedCallRetention(Duration.ofMillis(300)).build());
        String serverCallId = createCall();
        await().atMost(Duration.ofSeconds(10)).until(() -> items("/admin/calls/" + serverCallId + "/activity")
                .stream().anyMatch(item -> item.path("from").asText().equals(CALLEE)));
        List<String> lines = subscribe("/admin/feed?call=" + serverCallId);

        emulator.control().hangUp(serverCallId, CALLEE);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(dataOf(lines, "call"))
                .anySatisfy(call -> assertThat(call.path("state").asText()).isEqualTo("ended")));
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/admin/calls/" + serverCallId + "/activity", "GET")
                .statusCode() == 404);
        assertThat(emulator.control().calls().path("calls")).isEmpty();
    }

    @Test
    void aCallMadeBeforeAnyoneLookedHasNoActivityUntilTheFirstLookThenItsPastRebuiltAfterAMarker() throws Exception {
        String serverCallId = createCall();
        awaitCallConnectedDelivered(serverCallId);

        assertThat(emulator.activityBook().recording().state())
                .isEqualTo(ActivityRecording.State.WAITING_FOR_FIRST_LOOK);
        assertThat(emulator.activityBook().find(serverCallId)).as("no activity object before the first look").isEmpty();

        List<JsonNode> items = items("/admin/calls/" + serverCallId + "/activity");

        assertThat(emulator.activityBook().find(serverCallId)).isPresent();
        assertThat(items.get(0).path("label").asText()).matches("recorded from \\d\\d:\\d\\d:\\d\\d UTC, when the "
                + "activity was first looked at: REST requests before are not shown");
        assertThat(items).extracting(item -> item.path("kind").asText()).doesNotContain("request");
        assertThat(items).extracting(item -> java.time.Instant.parse(item.path("time").asText())).isSorted();
        assertThat(items).extracting(item -> item.path("kind").asText() + " " + item.path("label").asText())
                .containsSubsequence("state " + items.get(0).path("label").asText(), "person joined", "event CallConnected", "delivery CallConnected #1 200 delivered");
        JsonNode event = items.stream().filter(item -> item.path("kind").asText().equals("event")).findFirst()
                .orElseThrow();
        assertThat(event.path("eventId").asText()).isEqualTo(emulator.deliveryJournal().forCall(serverCallId).stream()
                .filter(attempt -> attempt.eventType().equals("CallConnected")).findFirst().orElseThrow().eventId());
        assertThat(event.path("from").asText() + " -> " + event.path("to").asText()).isEqualTo("emulator -> app:127.0.0.1:"
                + webhook.getAddress().getPort() + "/callbacks");
        assertThat(emulator.control().diagram(serverCallId)).contains("Note over E: recorded from ");
        assertThat(emulator.control().exportCall(serverCallId).at("/activity/0/label").asText())
                .startsWith("recorded from ");
    }

    @Test
    void aRequestOnACallMadeBeforeTheFirstLookComesAfterItsRebuiltPast() throws Exception {
        String serverCallId = createCall();
        awaitCallConnectedDelivered(serverCallId);
        subscribe("/admin/feed");

        assertThat(signedGet(callConnectionPath()).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<JsonNode> items = items("/admin/calls/" + serverCallId + "/activity");
            assertThat(items.get(0).path("label").asText()).startsWith("recorded from ");
            assertThat(items).last().satisfies(item -> assertThat(item.path("label").asText())
                    .isEqualTo("CallConnection_GetCall 200"));
            assertThat(items).filteredOn(item -> item.path("kind").asText().equals("request")).hasSize(1);
        });
    }

    @Test
    void openingThePageStartsTheRecordingAndACallMadeAfterShowsItsRequestsAndNoMarker() throws Exception {
        openThePage();
        assertThat(emulator.activityBook().recording().state()).isEqualTo(ActivityRecording.State.RECORDING);

        String serverCallId = createCall();
        awaitCallConnectedDelivered(serverCallId);

        List<JsonNode> items = items("/admin/calls/" + serverCallId + "/activity");
        assertThat(items.get(0).path("label").asText()).isEqualTo("CreateCall 201");
        assertThat(items).noneSatisfy(item -> assertThat(item.path("label").asText()).startsWith("recorded from"));
    }

    @Test
    void withActivityAlwaysACallIsRecordedFromTheStartWithoutAnyoneLooking() throws Exception {
        emulator.close();
        emulator = Emulator.start(EmulatorConfig.builder().dataDir(dataDir).httpsPort(-1).httpPort(0)
                .adminToken(TOKEN).options("--activity=always").build());

        String serverCallId = createCall();
        awaitCallConnectedDelivered(serverCallId);

        // the delivery journal keeps an attempt just before it tells the activity of it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(emulator.activityBook()
                .find(serverCallId)).hasValueSatisfying(activity -> assertThat(activity.items())
                .extracting(ActivityItem::label).startsWith("CreateCall 201")
                .contains("CallConnected #1 200 delivered")));
    }

    @Test
    void anActivityOptionThatIsNeitherWayIsRefusedByName() {
        assertThatThrownBy(() -> EmulatorConfig.builder().options("--activity=sometimes"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("on-first-look or always");
    }

    @Test
    void anUnknownCallOrAnItemThatIsNoNumberIsRefusedInTheErrorFormat() throws Exception {
        HttpResponse<String> unknownFeed = get("/admin/feed?call=no-such-call", "GET");
        HttpResponse<String> unknownActivity = get("/admin/calls/no-such-call/activity", "GET");
        String serverCallId = createCall();
        HttpResponse<String> notANumber = get("/admin/calls/" + serverCallId + "/activity/first", "GET");
        HttpResponse<String> notKept = get("/admin/calls/" + serverCallId + "/activity/99999", "GET");

        assertThat(unknownFeed.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknownFeed.body()).at("/error/code").asText()).isNotBlank();
        assertThat(unknownActivity.statusCode()).isEqualTo(404);
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notANumber.body()).at("/error/message").asText()).contains("seq");
        assertThat(notKept.statusCode()).isEqualTo(404);
    }

    @Test
    void theFeedWantsTheAdminToken() throws Exception {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri("/admin/feed")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
    }

    /** What a developer does first: opens the dashboard's page (a look that starts the recording of activity). */
    private void openThePage() throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri("/dashboard")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
    }

    private void awaitCallConnectedDelivered(String serverCallId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.deliveryJournal().forCall(serverCallId).stream()
                .anyMatch(attempt -> attempt.eventType().equals("CallConnected") && attempt.status() == 200));
    }

    private String callConnectionPath() throws Exception {
        return "/calling/callConnections/" + JSON.readTree(lastCreated).path("callConnectionId").asText()
                + "?api-version=2025-06-15";
    }

    private HttpResponse<String> signedGet(String path) throws Exception {
        HttpRequest.Builder signed = HttpRequest.newBuilder(uri(path)).GET();
        new HmacSigner(emulator.config().accessKeys().get(0))
                .headers("GET", path, "127.0.0.1:" + emulator.httpPort(), new byte[0]).forEach(signed::header);
        return client.send(signed.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the feed and collects its lines as they come, on the client's own threads. */
    private List<String> subscribe(String path) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> response = client.send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream; charset=utf-8");
        feeds.add(CompletableFuture.runAsync(() -> response.body().forEach(lines::add)));
        await().atMost(Duration.ofSeconds(5)).until(() -> !lines.isEmpty());
        return lines;
    }

    /** The data of every event of that name received so far. */
    private static List<JsonNode> dataOf(List<String> lines, String event) throws Exception {
        List<JsonNode> data = new ArrayList<>();
        List<String> copy = List.copyOf(lines);
        for (int i = 0; i + 1 < copy.size(); i++) {
            if (copy.get(i).equals("event: " + event) && copy.get(i + 1).startsWith("data: ")) {
                data.add(JSON.readTree(copy.get(i + 1).substring("data: ".length())));
            }
        }
        return data;
    }

    private List<JsonNode> items(String path) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        JSON.readTree(get(path, "GET").body()).path("items").forEach(items::add);
        return items;
    }

    private String createCall() throws Exception {
        String path = "/calling/callConnections?api-version=2025-06-15";
        byte[] body = ("{\"targets\":[{\"kind\":\"communicationUser\",\"rawId\":\"" + CALLEE + "\","
                + "\"communicationUser\":{\"id\":\"" + CALLEE + "\"}}],"
                + "\"callbackUri\":\"http://127.0.0.1:" + webhook.getAddress().getPort() + "/callbacks\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json");
        new HmacSigner(emulator.config().accessKeys().get(0))
                .headers("POST", path, "127.0.0.1:" + emulator.httpPort(), body).forEach(request::header);
        HttpResponse<String> created = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        lastCreated = created.body();
        return JSON.readTree(created.body()).path("serverCallId").asText();
    }

    private HttpResponse<String> get(String path, String method) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + emulator.httpPort() + path);
    }

    private static String encoded(String rawId) {
        return java.net.URLEncoder.encode(rawId, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
