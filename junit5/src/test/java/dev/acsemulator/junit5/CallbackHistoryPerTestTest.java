package dev.acsemulator.junit5;

import com.azure.communication.callautomation.CallAutomationClient;
import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.callautomation.models.CallConnectionProperties;
import com.azure.communication.callautomation.models.events.CallAutomationEventBase;
import com.azure.communication.common.CommunicationUserIdentifier;
import dev.acsemulator.admin.client.ControlClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two tests use one callback path on the shared receiver: the second sees only its own call's events, although the
 * first test's call is still up when it starts and disconnects while it runs.
 */
@AcsEmulatorTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CallbackHistoryPerTestTest {

    private static final String PATH = "/history-per-test";
    private static final String USER = "8:acs:0a5e0000-ca11-4a7e-8000-000000000001_history";
    /** The first test's call; it hangs up 5 s after answering, so its CallDisconnected falls in the second test. */
    private static volatile String firstTestsCall;

    @Test
    @Order(1)
    void aTestLeavesACallThatHangsUpLater(CallAutomationClient client, CallbackReceiver receiver) {
        CallConnectionProperties call = client.createCall(new CallInvite(new CommunicationUserIdentifier(
                USER + "_hangsup")), receiver.url(PATH)).getCallConnectionProperties();
        firstTestsCall = call.getServerCallId();
        receiver.awaitEventSequence(PATH, "CallConnected", "ParticipantsUpdated");
    }

    @Test
    @Order(2)
    void theNextTestOnTheSamePathSeesOnlyItsOwnCallsEvents(CallAutomationClient client, CallbackReceiver receiver,
                                                          ControlClient control) {
        assertThat(firstTestsCall).as("the first test ran before").isNotNull();
        assertThat(receiver.received(PATH)).as("history at the start of the test").isEmpty();

        String ownConnection = client.createCall(new CallInvite(new CommunicationUserIdentifier(USER + "_answers")),
                receiver.url(PATH)).getCallConnectionProperties().getCallConnectionId();
        receiver.awaitEventSequence(PATH, "CallConnected", "ParticipantsUpdated");
        await().atMost(Duration.ofSeconds(15)).until(() -> disconnectDelivered(control, firstTestsCall));

        assertThat(receiver.eventTypes(PATH)).containsExactly("CallConnected", "ParticipantsUpdated");
        assertThat(receiver.events(PATH)).extracting(CallAutomationEventBase::getCallConnectionId)
                .containsOnly(ownConnection);
    }

    private static boolean disconnectDelivered(ControlClient control, String serverCallId) {
        for (var attempt : control.deliveries(serverCallId).path("attempts")) {
            if (attempt.path("eventType").asText().endsWith("CallDisconnected")
                    && attempt.path("outcome").asText().equals("delivered")) {
                return true;
            }
        }
        return false;
    }
}
