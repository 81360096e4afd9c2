package dev.acsemulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests of the hardening probe (issue 14), each answered with the service's 4xx in its error format, never a
 * 500, and leaving the emulator as it was.
 */
class HardeningAcceptanceTest extends ConformanceTest {

    private static String user(String rawId) {
        return "{\"communicationUser\":{\"id\":\"" + rawId + "\"}}";
    }

    private HttpResponse<String> createCallTo(List<String> targetRawIds) {
        String targets = targetRawIds.stream().map(HardeningAcceptanceTest::user).collect(Collectors.joining(","));
        return http.send("POST", "/calling/callConnections?api-version=2026-03-12", "{\"targets\":[" + targets
                + "],\"callbackUri\":\"" + receiver.url(newCallbackPath()) + "\"}");
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).path("error").path("code").asText()).as(response.body()).isEqualTo(code);
        assertThat(json(response).path("error").path("message").asText()).as(response.body()).isNotBlank();
    }

    @Test
    void aCreateCallOfFiveThousandTargetsIsRefusedWith8523() {
        HttpResponse<String> response = createCallTo(IntStream.range(0, 5_000)
                .mapToObj(i -> RESOURCE_USER_PREFIX + "g" + i).toList());

        assertError(response, 400, "8523");
        assertThat(json(response).path("error").path("message").asText()).contains("at most 350 participants");
    }

    @Test
    void subscriptionNamesWithControlCharactersAre400AndLeaveNothingRegistered() {
        for (String name : List.of("bad\u0000name", "bad\r\nX-Injected: 1", "bell\u0007")) {
            String body = MAPPER.createObjectNode().put("name", name)
                    .put("endpoint", receiver.url("/never-" + UUID.randomUUID())).toString();

            HttpResponse<String> response = http.send("POST", "/admin/eventgrid/subscriptions", body);

            assertError(response, 400, "BadRequest");
            JsonNode registered = json(http.send("GET", "/admin/eventgrid/subscriptions", null));
            assertThat(registered.path("subscriptions").findValuesAsText("name")).doesNotContain(name);
        }
    }

    @Test
    void malformedRawIdsAre400With8523AndTheIdIsNotRepeated() {
        for (String rawId : List.of("::::", "8:acs:", "8:acs:" + "x".repeat(10_000))) {
            String body = "{\"targets\":[{\"rawId\":\"" + rawId + "\"}],\"callbackUri\":\""
                    + receiver.url(newCallbackPath()) + "\"}";

            HttpResponse<String> response = http.send("POST", "/calling/callConnections?api-version=2026-03-12",
                    body);

            assertError(response, 400, "8523");
            assertThat(response.body()).hasSizeLessThan(400);
        }
    }

    @Test
    void anOverlongCallbackUriIsRefusedAsTheServiceRefusesABadOne() {
        HttpResponse<String> response = http.send("POST", "/calling/callConnections?api-version=2026-03-12",
                "{\"targets\":[" + user(person()) + "],\"callbackUri\":\"https://app.example/"
                        + "a".repeat(5_000) + "\"}");

        assertError(response, 400, "400");
        assertThat(json(response).path("error").path("message").asText())
                .isEqualTo("The field CallbackUri is invalid.");
    }

    @Test
    void aLongCallbackUriIsCutInEveryDeliveryEntryWithItsLength() {
        String callbackUri = "http://127.0.0.1:9/" + "a".repeat(2_000);
        HttpResponse<String> created = http.send("POST", "/calling/callConnections?api-version=2026-03-12",
                "{\"targets\":[" + user(person()) + "],\"callbackUri\":\"" + callbackUri + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String serverCallId = json(created).path("serverCallId").asText();

        org.awaitility.Awaitility.await().until(() -> control.deliveries(serverCallId).path("attempts").size() > 0);

        for (String url : control.deliveries(serverCallId).path("attempts").findValuesAsText("url")) {
            assertThat(url).startsWith("http://127.0.0.1:9/aaaa").endsWith("... (2019 characters)")
                    .hasSizeLessThan(600);
        }
    }
}
