package dev.acsemulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.Emulator;
import dev.acsemulator.config.EmulatorConfig;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import dev.acsemulator.conformance.support.SignedHttp;
import dev.acsemulator.junit5.CallbackReceiver;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Virtual time and seeded runs: long timeouts pass at once, and a seeded scenario repeats byte for byte. */
class VirtualTimeAcceptanceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String API = "?api-version=2026-03-12";
    private static final String PERSON = "8:acs:0a5e0000-ca11-4a7e-8000-000000000001_person-one";

    private final CallbackReceiver receiver = EmulatorUnderTest.receiver();

    private static Emulator start(EmulatorConfig.ClockMode mode, long seed) {
        return Emulator.start(EmulatorConfig.builder().httpsPort(0).httpPort(-1)
                .dataDir(EmulatorUnderTest.emulator().config().dataDir())
                .clockMode(mode).seed(seed).ringTimeout(Duration.ofSeconds(30)).answerDelay(Duration.ofSeconds(2))
                .build());
    }

    private static String user(String rawId) {
        return "{\"kind\":\"communicationUser\",\"rawId\":\"" + rawId + "\",\"communicationUser\":{\"id\":\"" + rawId
                + "\"}}";
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    private String createCall(SignedHttp http, String target, String path) {
        HttpResponse<String> created = http.send("POST", "/calling/callConnections" + API,
                "{\"targets\":[" + user(target) + "],\"callbackUri\":\"" + receiver.url(path) + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("callConnectionId").asText();
    }

    @Test
    void aThirtySecondRingTimeoutPassesInWellUnderASecond() {
        try (Emulator emulator = start(EmulatorConfig.ClockMode.VIRTUAL, 7)) {
            SignedHttp http = new SignedHttp(emulator);
            String path = "/virtual/" + UUID.randomUUID();
            String id = createCall(http, PERSON, path);
            receiver.awaitEventTypes(path, types -> types.contains("ParticipantsUpdated"));
            long started = System.nanoTime();
            http.send("POST", "/calling/callConnections/" + id + "/participants:add" + API,
                    "{\"participantToAdd\":" + user("8:acs:0a5e0000-ca11-4a7e-8000-000000000001_noanswer") + "}");
            List<String> types = receiver.awaitEventTypes(path, t -> t.contains("AddParticipantFailed"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            JsonNode connected = receiver.received(path).get(0).json().get(0);
            JsonNode failed = receiver.received(path).get(types.indexOf("AddParticipantFailed")).json().get(0);
            Duration rang = Duration.between(Instant.parse(connected.path("time").asText()),
                    Instant.parse(failed.path("time").asText()));
            assertThat(rang).isEqualTo(Duration.ofSeconds(30));
            assertThat(failed.path("data").path("resultInformation").path("subCode").asInt()).isEqualTo(10004);
        }
    }

    @Test
    void manualTimeMovesOnlyWhenAdvanced() {
        try (Emulator emulator = start(EmulatorConfig.ClockMode.MANUAL, 7)) {
            SignedHttp http = new SignedHttp(emulator);
            String path = "/manual/" + UUID.randomUUID();
            createCall(http, PERSON, path);
            HttpResponse<String> early = http.send("POST", "/admin/clock:advance", "{\"by\":\"PT1S\"}");
            assertThat(early.statusCode()).isEqualTo(200);
            assertThat(receiver.eventTypes(path)).isEmpty();
            assertThat(json(http.send("POST", "/admin/clock:advance", "{\"by\":\"PT1S\"}")).path("now").asText())
                    .isEqualTo("2026-01-01T00:00:02Z");
            assertThat(receiver.awaitEventTypes(path, t -> t.size() >= 2))
                    .containsExactly("CallConnected", "ParticipantsUpdated");
            assertThat(receiver.received(path).get(0).json().get(0).path("time").asText())
                    .startsWith("2026-01-01T00:00:02.0000000");
        }
    }

    /** Create a call, add a phone number, let the person hang up: the callbacks as received. */
    private List<String> seededScenario() {
        try (Emulator emulator = start(EmulatorConfig.ClockMode.VIRTUAL, 20261122)) {
            SignedHttp http = new SignedHttp(emulator);
            emulator.control().setBehaviour(PERSON, "{\"response\":\"answer\",\"answerAfter\":\"PT2S\","
                    + "\"hangUpAfter\":\"PT45S\"}");
            String path = "/seeded/" + UUID.randomUUID();
            String id = createCall(http, PERSON, path);
            receiver.awaitEventTypes(path, t -> t.contains("ParticipantsUpdated"));
            http.send("POST", "/calling/callConnections/" + id + "/participants:add" + API,
                    "{\"participantToAdd\":{\"kind\":\"phoneNumber\",\"rawId\":\"4:+14255550123\",\"phoneNumber\":"
                            + "{\"value\":\"+14255550123\"}},\"sourceCallerIdNumber\":{\"value\":\"+18005550100\"},"
                            + "\"operationContext\":\"seeded-add\"}");
            receiver.awaitEventTypes(path, t -> t.contains("AddParticipantSucceeded")
                    && t.lastIndexOf("ParticipantsUpdated") > t.indexOf("AddParticipantSucceeded"));
            http.send("DELETE", "/calling/callConnections/" + id + API, null);
            receiver.awaitEventTypes(path, t -> t.contains("CallDisconnected"));
            List<String> bodies = new ArrayList<>();
            receiver.received(path).forEach(post -> bodies.add(post.body()));
            return bodies;
        }
    }

    @Test
    void theSameSeededScenarioYieldsByteIdenticalEvents() {
        List<String> first = seededScenario();
        List<String> second = seededScenario();
        assertThat(first).as("CallConnected, the roster, the roster again as the added number rings, AddParticipantSucceeded,"
                + " the roster with three, CallDisconnected").hasSize(6);
        assertThat(second).containsExactlyElementsOf(first);
    }
}
