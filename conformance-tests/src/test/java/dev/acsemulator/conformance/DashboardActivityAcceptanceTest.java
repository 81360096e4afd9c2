package dev.acsemulator.conformance;

import com.azure.communication.callautomation.models.FileSource;
import com.azure.communication.callautomation.models.PlayToAllOptions;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.conformance.support.AudioFiles;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard's view of a call made with the official Java SDK (issue #15): the call's activity has its requests,
 * events, deliveries, media and the person's keys in causal order, one item shows the request the SDK sent while a
 * page reads the live feed (and only its shape when none does), and the Mermaid diagram draws the same story.
 */
class DashboardActivityAcceptanceTest extends ConformanceTest {

    private final AudioFiles files = new AudioFiles();
    private final List<String> feed = new CopyOnWriteArrayList<>();
    private Stream<String> feedLines;

    @AfterEach
    void stopServingFilesAndReading() {
        files.close();
        if (feedLines != null) {
            feedLines.close();
        }
    }

    private static HttpClient https() {
        return HttpClient.newBuilder().sslContext(EmulatorUnderTest.emulator().tls().clientSslContext()).build();
    }

    /** The dashboard's page opened once and closed: activity is recorded from then on, no one reads the feed. */
    private static void openedThePageOnce() throws Exception {
        assertThat(https().send(HttpRequest.newBuilder(URI.create(EmulatorUnderTest.emulator().dashboardUrl())).GET()
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
    }

    /** A page reading the all-calls live feed, as the dashboard does, while the call happens. */
    private void watch() throws Exception {
        HttpClient https = https();
        HttpResponse<Stream<String>> response = https.send(HttpRequest.newBuilder(URI.create(EmulatorUnderTest
                .emulator().httpsEndpoint() + "admin/feed")).GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        feedLines = response.body();
        CompletableFuture.runAsync(() -> {
            try {
                feedLines.forEach(feed::add);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> !feed.isEmpty());
    }

    @Test
    void aCallNobodyWatchesKeepsItsArrowsButNotItsBodies() throws Exception {
        openedThePageOnce();
        PersonCall call = connectedCallToPerson();
        String serverCallId = control.callOfConnection(call.callConnectionId()).path("serverCallId").asText();

        JsonNode create = control.activityItem(serverCallId, items(serverCallId).get(0).path("seq").asLong());

        assertThat(create.path("label").asText()).isEqualTo("CreateCall 201");
        assertThat(create.at("/request/method").asText()).isEqualTo("POST");
        assertThat(create.at("/request/bodyKept").asBoolean()).isFalse();
        assertThat(create.at("/response/body").isNull()).isTrue();
        assertThat(create.at("/response/status").asInt()).isEqualTo(201);
    }

    @Test
    void aCallMadeWithTheSdkReadsAsItsSequenceOfRequestsEventsMediaAndKeys() throws Exception {
        watch();
        PersonCall call = connectedCallToPerson();
        String serverCallId = control.callOfConnection(call.callConnectionId()).path("serverCallId").asText();
        String menu = files.serve("/dashboard-menu.wav", AudioFiles.playableWav(400));
        client.getCallConnection(call.callConnectionId()).getCallMedia().playToAllWithResponse(
                new PlayToAllOptions(new FileSource().setUrl(menu)).setOperationContext("menu"), Context.NONE);
        receiver.awaitEventSequence(call.callbackPath(), "CallConnected", "ParticipantsUpdated", "PlayCompleted");
        control.sendDtmf(serverCallId, call.person(), List.of("one", "pound"));
        client.getCallConnection(call.callConnectionId()).hangUp(true);
        receiver.awaitEventTypes(call.callbackPath(), types -> types.contains("CallDisconnected"));

        await().atMost(Duration.ofSeconds(10)).until(() -> labels(serverCallId).contains(
                "CallDisconnected #1 200 delivered"));
        List<JsonNode> items = items(serverCallId);
        List<String> labels = labels(serverCallId);

        assertThat(items.get(0).path("label").asText()).isEqualTo("CreateCall 201");
        assertThat(items.get(0).path("from").asText()).startsWith("app:127.0.0.1:");
        assertThat(labels).containsSubsequence("CreateCall 201", "CallConnected", "CallConnected #1 200 delivered",
                "CallMedia_Play 202", "PlayCompleted", "PlayCompleted #1 200 delivered",
                "pressed one, pound", "CallConnection_TerminateCall 204", "CallDisconnected");
        JsonNode playEnd = items.stream().filter(item -> item.path("kind").asText().equals("media")
                && item.path("label").asText().startsWith("play ") && item.has("durationMs")).findFirst()
                .orElseThrow();
        assertThat(playEnd.path("durationMs").asDouble()).isGreaterThanOrEqualTo(400);
        JsonNode keys = items.stream().filter(item -> item.path("label").asText().equals("pressed one, pound"))
                .findFirst().orElseThrow();
        assertThat(keys.path("kind").asText()).isEqualTo("person");
        assertThat(keys.path("from").asText()).isEqualTo(call.person());

        JsonNode play = control.activityItem(serverCallId, items.stream().filter(item ->
                item.path("label").asText().equals("CallMedia_Play 202")).findFirst().orElseThrow().path("seq")
                .asLong());
        assertThat(play.at("/request/body/playSources/0/file/uri").asText()).isEqualTo(menu);
        assertThat(play.at("/request/body/operationContext").asText()).isEqualTo("menu");
        assertThat(play.path("latencyMs").asDouble()).isPositive();

        String diagram = control.diagram(serverCallId);
        String person = diagram.lines().filter(line -> line.endsWith(" as " + call.person())).findFirst()
                .orElseThrow().split(" ")[5];
        assertThat(diagram.lines().map(line -> line.replaceAll(" \\([0-9.]+ ms\\)$", "")))
                .containsSubsequence("    A1->>E: CreateCall 201", "    E-)A1: CallConnected",
                        "    A1->>E: CallMedia_Play 202", "    E-)A1: PlayCompleted",
                        "    " + person + "->>E: pressed one, pound", "    A1->>E: CallConnection_TerminateCall 204",
                        "    E-)A1: CallDisconnected");
        assertThat(feed).contains("event: activity").anySatisfy(line -> assertThat(line)
                .startsWith("data: {\"seq\":").contains("\"label\":\"CallMedia_Play 202\""));
        JsonNode export = control.exportCall(serverCallId);
        assertThat(export.path("activity")).hasSameSizeAs(items);
        assertThat(export.at("/call/state").asText()).isEqualTo("ended");
    }

    private List<JsonNode> items(String serverCallId) {
        List<JsonNode> items = new ArrayList<>();
        control.activity(serverCallId).path("items").forEach(items::add);
        return items;
    }

    private List<String> labels(String serverCallId) {
        return items(serverCallId).stream().map(item -> item.path("label").asText()).toList();
    }
}
