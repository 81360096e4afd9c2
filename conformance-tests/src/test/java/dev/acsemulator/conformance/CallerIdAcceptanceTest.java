package dev.acsemulator.conformance;

import com.azure.communication.callautomation.CallConnection;
import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.common.PhoneNumberIdentifier;
import com.azure.core.exception.HttpResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.conformance.support.SchemaCheck;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Calls to phone numbers must show a caller id the resource owns (the suite's emulator owns +18005550100):
 * anything else is 403 {@code 7507} (openapi/DEVIATIONS.md 27).
 */
class CallerIdAcceptanceTest extends ConformanceTest {

    private static final PhoneNumberIdentifier OWNED = new PhoneNumberIdentifier("+18005550100");
    private static final PhoneNumberIdentifier NOT_OWNED = new PhoneNumberIdentifier("+14255550100");
    private static final PhoneNumberIdentifier CALLEE = new PhoneNumberIdentifier("+14255550123");

    @Test
    void createCallToAPhoneNumberFromANumberTheResourceDoesNotOwnIs403() {
        HttpResponseException refused = catchThrowableOfType(HttpResponseException.class,
                () -> client.createCall(new CallInvite(CALLEE, NOT_OWNED), receiver.url(newCallbackPath())));

        assertThat(refused.getResponse().getStatusCode()).isEqualTo(403);
        assertThat(refused.getMessage()).contains("7507", "+14255550100");
    }

    @Test
    void createCallFromTheOwnedNumberConnects() {
        String path = newCallbackPath();
        client.createCall(new CallInvite(CALLEE, OWNED), receiver.url(path));

        assertThat(receiver.awaitEventTypes(path, types -> types.contains("CallConnected"))).contains("CallConnected");
    }

    @Test
    void addingAPhoneNumberFromANumberTheResourceDoesNotOwnIs403AndAddsNoOne() {
        PersonCall call = connectedCallToPerson();
        CallConnection connection = client.getCallConnection(call.callConnectionId());

        HttpResponseException refused = catchThrowableOfType(HttpResponseException.class,
                () -> connection.addParticipant(new CallInvite(CALLEE, NOT_OWNED)));

        assertThat(refused.getResponse().getStatusCode()).isEqualTo(403);
        assertThat(control.callOfConnection(call.callConnectionId()).path("invitations").findValuesAsText("target"))
                .doesNotContain(CALLEE.getRawId());
    }

    @Test
    void transferringToAPhoneNumberWithACallerIdTheResourceDoesNotOwnIs403() {
        PersonCall call = connectedCallToPersonAt("2026-03-12");
        HttpResponse<String> response = http.send("POST", "/calling/callConnections/" + call.callConnectionId()
                        + ":transferToParticipant?api-version=2026-03-12",
                "{\"targetParticipant\":{\"kind\":\"phoneNumber\",\"rawId\":\"4:+14255550123\","
                        + "\"phoneNumber\":{\"value\":\"+14255550123\"}},\"sourceCallerIdNumber\":{\"value\":\"+14255550100\"}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        JsonNode body = json(response);
        SchemaCheck.response("2026-03-12", "CommunicationErrorResponse", body, "TransferToParticipant refusal");
        assertThat(body.path("error").path("code").asText()).isEqualTo("7507");
        assertThat(body.path("error").path("message").asText()).isEqualTo(
                "The source caller id +14255550100 is not a phone number owned by this Communication Services resource.");
    }
}
