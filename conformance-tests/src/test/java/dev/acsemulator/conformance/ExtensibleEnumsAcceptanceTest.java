package dev.acsemulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import dev.acsemulator.conformance.support.SchemaCheck;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Extensible enums ({@code x-ms-enum} {@code modelAsString: true}) are read whatever their case, as the service reads
 * them; a value in no case of the list is still 400 (openapi/DEVIATIONS.md 28).
 */
class ExtensibleEnumsAcceptanceTest extends ConformanceTest {

    private static final String VERSION = "2026-03-12";

    @Test
    void aRejectReasonInAnotherCaseRejectsTheCallForThatReason() {
        String caller = newCallbackPath();
        int before = receiver.notifications(EmulatorUnderTest.INCOMING_PATH).size();
        createCallRaw(VERSION, appUser(), caller);
        JsonNode incoming = receiver.awaitIncomingCall(EmulatorUnderTest.INCOMING_PATH, before + 1);

        HttpResponse<String> rejected = http.send("POST", "/calling/callConnections:reject?api-version=" + VERSION,
                "{\"incomingCallContext\":\"" + incoming.path("data").path("incomingCallContext").asText()
                        + "\",\"callRejectReason\":\"Busy\"}");

        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(204);
        assertThat(receiver.awaitEventTypes(caller, types -> types.size() >= 2))
                .containsExactly("CreateCallFailed", "CallDisconnected");
        assertThat(resultOf(caller, 0).path("code").asInt()).as("busy, not none").isEqualTo(486);
    }

    @Test
    void aCallLocatorKindInAnotherCaseConnectsByThatKind() {
        String path = newCallbackPath();
        String groupCallId = UUID.randomUUID().toString();
        HttpResponse<String> response = http.send("POST", "/calling/callConnections:connect?api-version=" + VERSION,
                "{\"callLocator\":{\"kind\":\"GroupCallLocator\",\"groupCallId\":\"" + groupCallId + "\"},"
                        + "\"callbackUri\":\"" + receiver.url(path) + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        SchemaCheck.response(VERSION, "CallConnectionProperties", json(response), "Connect");
        assertThat(receiver.awaitEventTypes(path, types -> types.contains("CallConnected"))).contains("CallConnected");
    }

    @Test
    void aValueInNoCaseOfTheListIs400NamingTheAllowedValues() {
        HttpResponse<String> response = http.send("POST", "/calling/callConnections:reject?api-version=" + VERSION,
                "{\"incomingCallContext\":\"x\",\"callRejectReason\":\"Busyish\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json(response);
        SchemaCheck.response(VERSION, "CommunicationErrorResponse", body, "RejectCall refusal");
        assertThat(body.path("error").path("code").asText()).isEqualTo("8523");
        assertThat(body.path("error").path("message").asText())
                .isEqualTo("Invalid request, 'callRejectReason' must be one of: none, busy, forbidden.");
    }
}
