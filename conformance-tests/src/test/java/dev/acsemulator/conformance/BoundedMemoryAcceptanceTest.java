package dev.acsemulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.Emulator;
import dev.acsemulator.admin.client.ControlApiException;
import dev.acsemulator.config.EmulatorConfig;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import dev.acsemulator.conformance.support.SchemaCheck;
import dev.acsemulator.conformance.support.SignedHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * DEVIATIONS 21: an emulator that remembers at most two repeatable request ids and one ended call forgets the oldest
 * early, over signed raw HTTP with the suite's webhook receiver getting every event.
 */
class BoundedMemoryAcceptanceTest extends ConformanceTest {

    private static final String API_VERSION = "2026-03-12";
    private static Emulator bounded;
    private static SignedHttp boundedHttp;

    @BeforeAll
    static void startBoundedEmulator() {
        bounded = Emulator.start(EmulatorConfig.builder().httpsPort(0).httpPort(-1)
                .dataDir(EmulatorUnderTest.emulator().config().dataDir())
                .answerDelay(Duration.ofMillis(50))
                .repeatableRequestsRemembered(2)
                .endedCallsRemembered(1)
                .build());
        boundedHttp = new SignedHttp(bounded);
    }

    @AfterAll
    static void stop() {
        bounded.close();
    }

    private HttpResponse<String> create(String callbackPath, String requestId, String firstSent) {
        String target = person();
        String body = "{\"targets\":[{\"kind\":\"communicationUser\",\"rawId\":\"" + target
                + "\",\"communicationUser\":{\"id\":\"" + target + "\"}}],\"callbackUri\":\""
                + receiver.url(callbackPath) + "\"}";
        HttpResponse<String> response = boundedHttp.send("POST", "/calling/callConnections?api-version=" + API_VERSION,
                body, List.of("Repeatability-Request-ID", requestId, "Repeatability-First-Sent", firstSent));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        SchemaCheck.response(API_VERSION, "CallConnectionProperties", json(response), "CreateCall");
        return response;
    }

    private static String idOf(HttpResponse<String> response) {
        return json(response).path("callConnectionId").asText();
    }

    @Test
    void beyondItsLimitTheOldestRepeatableRequestIdRunsAgainAndTheNewestIsStillReplayed() {
        String firstSent = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        String[] requestIds = {UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString()};
        String[] paths = {newCallbackPath(), newCallbackPath(), newCallbackPath()};
        String[] firstIds = new String[3];
        for (int i = 0; i < 3; i++) {
            firstIds[i] = idOf(create(paths[i], requestIds[i], firstSent));
        }

        HttpResponse<String> newestAgain = create(paths[2], requestIds[2], firstSent);
        HttpResponse<String> oldestAgain = create(paths[0], requestIds[0], firstSent);

        assertThat(idOf(newestAgain)).isEqualTo(firstIds[2]);
        assertThat(newestAgain.headers().firstValue("Repeatability-Result")).hasValue("accepted");
        assertThat(idOf(oldestAgain)).as("forgotten early, so it created a second call").isNotEqualTo(firstIds[0]);
    }

    @Test
    void beyondItsLimitTheOldestEndedCallAndItsDeliveriesAreForgottenBeforeTheRetention() {
        String firstPath = newCallbackPath();
        String secondPath = newCallbackPath();
        String firstSent = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        String first = idOf(create(firstPath, UUID.randomUUID().toString(), firstSent));
        String second = idOf(create(secondPath, UUID.randomUUID().toString(), firstSent));
        receiver.awaitEventSequence(firstPath, "CallConnected", "ParticipantsUpdated");
        receiver.awaitEventSequence(secondPath, "CallConnected", "ParticipantsUpdated");
        String firstServerCallId = serverCallIdOf(firstPath);
        String secondServerCallId = serverCallIdOf(secondPath);

        hangUp(first);
        receiver.awaitEventSequence(firstPath, "CallConnected", "ParticipantsUpdated", "CallDisconnected");
        assertThat(bounded.control().deliveries(firstServerCallId).path("attempts")).isNotEmpty();
        hangUp(second);
        receiver.awaitEventSequence(secondPath, "CallConnected", "ParticipantsUpdated", "CallDisconnected");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThatThrownBy(() -> bounded.control().call(firstServerCallId))
                        .isInstanceOf(ControlApiException.class).hasMessageContaining("404"));
        assertThat(bounded.deliveryJournal().forCall(firstServerCallId)).isEmpty();
        assertThat(bounded.control().call(secondServerCallId).path("serverCallId").asText())
                .isEqualTo(secondServerCallId);
        assertThat(bounded.control().deliveries(secondServerCallId).path("attempts")).hasSize(3);
    }

    private String serverCallIdOf(String callbackPath) {
        JsonNode first = receiver.received(callbackPath).get(0).json().get(0);
        return first.path("data").path("serverCallId").asText();
    }

    private void hangUp(String callConnectionId) {
        HttpResponse<String> response = boundedHttp.send("DELETE",
                "/calling/callConnections/" + callConnectionId + "?api-version=" + API_VERSION, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }
}
