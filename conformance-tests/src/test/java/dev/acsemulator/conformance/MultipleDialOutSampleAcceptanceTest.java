package dev.acsemulator.conformance;

import com.azure.communication.callautomation.models.AnswerCallOptions;
import com.azure.communication.callautomation.models.CallConnectionProperties;
import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.callautomation.models.CreateCallOptions;
import com.azure.communication.common.CommunicationUserIdentifier;
import com.azure.communication.common.PhoneNumberIdentifier;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flow of Microsoft's multiple-dial-out sample
 * ({@code Azure-Samples/communication-services-javascript-quickstarts}, {@code callautomation-multiple-dial-out}),
 * with the suite's two owned numbers as the sample's inbound and outbound numbers. The sample's Event Grid handler
 * picks its branch from the IncomingCall's {@code from} and {@code to} ({@link SampleBranch}): a call from the user's
 * phone is answered (call 1); a call from the inbound number, which the sample itself placed to its outbound number
 * (call 2), is redirected to ACS test identity 2; a call to identity 2 is answered. The redirected call must reach
 * identity 2 as a call from the outbound number that redirected it: from the inbound number it would take the
 * redirect branch again (openapi/DEVIATIONS.md 60).
 */
class MultipleDialOutSampleAcceptanceTest extends ConformanceTest {

    private static final String INBOUND = EmulatorUnderTest.OWNED_NUMBER;
    private static final String OUTBOUND = EmulatorUnderTest.APP_PHONE_NUMBER;
    private static final String USER_PHONE = "+15550100212";

    /** The branches of the sample's {@code /api/moveParticipantEvent}, in the order its {@code else if}s test them. */
    enum SampleBranch {
        ANSWER_USER_CALL, REDIRECT_TO_IDENTITY, ANSWER_IDENTITY_2, NONE;

        static SampleBranch of(JsonNode incomingCall, String identity2) {
            String from = incomingCall.path("data").path("from").path("rawId").asText();
            String to = incomingCall.path("data").path("to").path("rawId").asText();
            if (from.contains(USER_PHONE)) {
                return ANSWER_USER_CALL;
            } else if (from.contains(INBOUND)) {
                return REDIRECT_TO_IDENTITY;
            } else if (to.contains(identity2)) {
                return ANSWER_IDENTITY_2;
            }
            return NONE;
        }
    }

    @Test
    void theRedirectedCallReachesIdentity2FromTheNumberThatRedirectedItAndTheSampleAnswersIt() {
        String identity2 = appUser();

        // Call 1 (/userCallToCallAutomation): the user's phone calls the inbound number; the sample answers.
        int before = incomingCalls();
        control.placeInboundCall("4:" + USER_PHONE, "4:" + INBOUND, null, Map.of(), Map.of());
        JsonNode userCall = receiver.awaitIncomingCall(EmulatorUnderTest.INCOMING_PATH, before + 1);
        assertThat(SampleBranch.of(userCall, identity2)).isEqualTo(SampleBranch.ANSWER_USER_CALL);
        String callOnePath = newCallbackPath();
        answer(userCall, callOnePath, "CallOne");
        assertThat(receiver.awaitEventTypes(callOnePath, types -> types.size() >= 2))
                .startsWith("CallConnected", "ParticipantsUpdated");

        // Call 2 (/createCall2): the inbound number calls the outbound number; the sample redirects it to identity 2.
        String callTwoPath = newCallbackPath();
        before = incomingCalls();
        client.createCallWithResponse(new CreateCallOptions(new CallInvite(new PhoneNumberIdentifier(OUTBOUND),
                new PhoneNumberIdentifier(INBOUND)), receiver.url(callTwoPath)).setOperationContext("CallTwo"),
                Context.NONE);
        JsonNode toOutbound = receiver.awaitIncomingCall(EmulatorUnderTest.INCOMING_PATH, before + 1);
        assertThat(toOutbound.path("data").path("from").path("rawId").asText()).isEqualTo("4:" + INBOUND);
        assertThat(SampleBranch.of(toOutbound, identity2)).isEqualTo(SampleBranch.REDIRECT_TO_IDENTITY);
        before = incomingCalls();
        client.redirectCall(toOutbound.path("data").path("incomingCallContext").asText(),
                new CallInvite(new CommunicationUserIdentifier(identity2)));

        JsonNode toIdentity = receiver.awaitIncomingCall(EmulatorUnderTest.INCOMING_PATH, before + 1);
        JsonNode data = toIdentity.path("data");
        assertThat(data.path("to").path("rawId").asText()).isEqualTo(identity2);
        assertThat(data.path("from").path("rawId").asText()).as("the number that redirected the call")
                .isEqualTo("4:" + OUTBOUND);
        assertThat(data.path("from").path("phoneNumber").path("value").asText()).isEqualTo(OUTBOUND);
        assertThat(data.path("callerDisplayName").asText()).isEmpty();
        assertThat(toIdentity.path("subject").asText()).isEqualTo("/caller/4:" + OUTBOUND + "/recipient/" + identity2);
        assertThat(data.path("serverCallId").asText()).isEqualTo(toOutbound.path("data").path("serverCallId").asText());
        assertThat(data.path("correlationId").asText())
                .isEqualTo(toOutbound.path("data").path("correlationId").asText());
        assertThat(SampleBranch.of(toIdentity, identity2)).as("not redirected again")
                .isEqualTo(SampleBranch.ANSWER_IDENTITY_2);

        String answeredPath = newCallbackPath();
        CallConnectionProperties answered = answer(toIdentity, answeredPath, "CallTwo");
        assertThat(answered.getSource()).isEqualTo(new PhoneNumberIdentifier(OUTBOUND));
        assertThat(receiver.awaitEventTypes(answeredPath, types -> types.size() >= 2))
                .startsWith("CallConnected", "ParticipantsUpdated");
        assertThat(receiver.awaitEventTypes(callTwoPath, types -> types.size() >= 2))
                .startsWith("CallConnected", "ParticipantsUpdated");
        assertThat(receiver.received(answeredPath).get(0).json().get(0).path("data").path("operationContext")
                .asText()).isEqualTo("CallTwo");
        assertThat(client.getCallConnection(answered.getCallConnectionId()).getCallProperties().getSource())
                .as("GetCall names the same source").isEqualTo(new PhoneNumberIdentifier(OUTBOUND));
        assertThat(incomingCalls()).as("no further IncomingCall").isEqualTo(before + 1);
    }

    private int incomingCalls() {
        return receiver.notifications(EmulatorUnderTest.INCOMING_PATH).size();
    }

    private CallConnectionProperties answer(JsonNode incomingCall, String callbackPath, String operationContext) {
        return client.answerCallWithResponse(new AnswerCallOptions(
                incomingCall.path("data").path("incomingCallContext").asText(), receiver.url(callbackPath))
                .setOperationContext(operationContext), Context.NONE).getValue().getCallConnectionProperties();
    }
}
