package dev.acsemulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import dev.acsemulator.conformance.support.SignedHttp;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets the right 4xx in the service's error format, never a 500. */
class BadInputAcceptanceTest extends ConformanceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode error(HttpResponse<String> response) throws Exception {
        return MAPPER.readTree(response.body()).path("error");
    }

    @Test
    void unknownCallConnectionIs404With8522() throws Exception {
        HttpResponse<String> response = http.send("GET",
                "/calling/callConnections/00000000-0000-0000-0000-000000000000?api-version=2023-03-06", null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(error(response).path("code").asText()).isEqualTo("8522");
    }

    @Test
    void aWrongSignatureIs401Denied() throws Exception {
        HttpResponse<String> response = http.send("GET",
                "/calling/callConnections/x?api-version=2023-03-06", null, new byte[32]);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(error(response).path("code").asText()).isEqualTo("Denied");
    }

    @Test
    void aMissingApiVersionIs400() throws Exception {
        HttpResponse<String> response = http.send("GET", "/calling/callConnections/x", null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).path("code").asText()).isEqualTo("MissingApiVersionParameter");
    }

    @Test
    void malformedJsonIs400() throws Exception {
        HttpResponse<String> response = http.send("POST", "/calling/callConnections?api-version=2023-03-06",
                "{\"targets\":[");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).path("code").asText()).isEqualTo("8523");
    }

    @Test
    void aMissingRequiredFieldIs400NamingIt() throws Exception {
        HttpResponse<String> response = http.send("POST", "/calling/callConnections?api-version=2026-03-12",
                "{\"callbackUri\":\"http://127.0.0.1:9/cb\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).path("message").asText()).contains("targets");
    }

    @Test
    void anInvitationTimeoutOver180Is400() throws Exception {
        HttpResponse<String> response = http.send("POST",
                "/calling/callConnections/x/participants:add?api-version=2026-03-12",
                "{\"participantToAdd\":{\"rawId\":\"8:acs:x\",\"communicationUser\":{\"id\":\"8:acs:x\"}},"
                        + "\"invitationTimeoutInSeconds\":181}");
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownOperationIs404() throws Exception {
        for (String path : List.of("/calling/callConnections/x:explode",
                "/calling/callConnections/x/participants:explode", "/calling/recordings/r:explode")) {
            HttpResponse<String> response = http.send("POST", path + "?api-version=2026-03-12", "{}");
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(error(response).path("code").asText()).as(path).isEqualTo("NotFound");
            assertThat(error(response).path("message").asText()).as(path)
                    .startsWith("No HTTP resource was found that matches the request URI 'http")
                    .endsWith(path + "?api-version=2026-03-12'.");
        }
    }

    @Test
    void aPreviewOperationAnswers501InItsApiVersionAndIsUnsupportedInOthers() throws Exception {
        String startDialog = "/calling/callConnections/x/dialogs/dialog-1?api-version=";
        String body = "{\"dialogOptions\":{\"botAppId\":\"bot\"},\"dialogInputType\":\"powerVirtualAgents\"}";

        HttpResponse<String> preview = http.send("PUT", startDialog + "2024-09-01-preview", body);
        HttpResponse<String> stable = http.send("PUT", startDialog + "2026-03-12", body);

        assertThat(preview.statusCode()).isEqualTo(501);
        assertThat(error(preview).path("code").asText()).isEqualTo("NotImplemented");
        assertThat(stable.statusCode()).isEqualTo(400);
        assertThat(error(stable).path("code").asText()).isEqualTo("UnsupportedApiVersion");
    }

    @Test
    void operationsNotBuiltAnswerNotImplementedRatherThanAFakeSuccess() throws Exception {
        HttpResponse<String> response = http.send("DELETE",
                "/calling/callConnections/x/dialogs/d?api-version=2024-09-01-preview", "");
        assertThat(response.statusCode()).isEqualTo(501);
        assertThat(error(response).path("code").asText()).isEqualTo("NotImplemented");
    }

    @Test
    void removeWithoutAParticipantIs400() throws Exception {
        HttpResponse<String> response = http.send("POST",
                "/calling/callConnections/x/participants:remove?api-version=2026-03-12", "{\"operationContext\":\"c\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).path("message").asText()).contains("participantToRemove");
    }

    @Test
    void cancelAddOnAnUnknownCallIs404() throws Exception {
        HttpResponse<String> response = http.send("POST",
                "/calling/callConnections/00000000-0000-0000-0000-000000000004/participants:cancelAddParticipant"
                        + "?api-version=2026-03-12", "{\"invitationId\":\"i\"}");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(error(response).path("code").asText()).isEqualTo("8522");
    }

    @Test
    void anOversizedBodyIs413AndTheServerKeepsServing() throws Exception {
        String big = "{\"operationContext\":\"" + "x".repeat(1_100_000) + "\"}";
        HttpResponse<String> response = http.send("POST", "/calling/callConnections?api-version=2026-03-12", big);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(error(response).path("code").asText()).isEqualTo("RequestEntityTooLarge");
        assertThat(http.send("GET", "/calling/callConnections/x?api-version=2026-03-12", null).statusCode())
                .isEqualTo(404);
    }
}
