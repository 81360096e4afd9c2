package dev.acsemulator.conformance;

import com.azure.communication.callautomation.CallAutomationClient;
import com.azure.communication.callautomation.CallConnection;
import com.azure.communication.callautomation.models.AddParticipantResult;
import com.azure.communication.callautomation.models.CallConnectionProperties;
import com.azure.communication.callautomation.models.CallConnectionState;
import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.callautomation.models.CallParticipant;
import com.azure.communication.callautomation.models.CreateCallResult;
import com.azure.communication.callautomation.models.events.CallAutomationEventBase;
import com.azure.communication.callautomation.models.events.CallConnected;
import com.azure.communication.callautomation.models.events.CallDisconnected;
import com.azure.communication.callautomation.models.events.CallTransferAccepted;
import com.azure.communication.callautomation.models.events.ParticipantsUpdated;
import com.azure.communication.common.CommunicationUserIdentifier;
import com.azure.communication.common.PhoneNumberIdentifier;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import dev.acsemulator.junit5.CallbackReceiver;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CreateCall (call-automation-behaviour.md §2.1) with the official Java SDK 1.0.4, through add, transfer and hang-up.
 */
class CreateCallAcceptanceTest extends ConformanceTest {



    @Test
    void createCallConnectsThenHangUpDisconnectsWith7000() {
        String callback = "/callbacks/" + UUID.randomUUID();
        CreateCallResult result = client.createCall(new CallInvite(new CommunicationUserIdentifier(person())),
                receiver.url(callback));
        CallConnectionProperties created = result.getCallConnectionProperties();
        assertThat(created.getCallConnectionState()).isEqualTo(CallConnectionState.CONNECTING);
        assertThat(created.getTargetParticipants()).hasSize(1);

        receiver.awaitEventTypes(callback, types -> types.size() >= 2);
        List<CallAutomationEventBase> events = receiver.events(callback);
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(CallConnected.class);
        assertThat(events.get(1)).isInstanceOf(ParticipantsUpdated.class);
        assertThat(((ParticipantsUpdated) events.get(1)).getParticipants()).hasSize(2);

        CallConnection connection = client.getCallConnection(created.getCallConnectionId());
        assertThat(connection.getCallProperties().getCallConnectionState()).isEqualTo(CallConnectionState.CONNECTED);
        List<CallParticipant> participants = connection.listParticipants().stream().toList();
        assertThat(participants).hasSize(2);

        connection.hangUp(false);
        receiver.awaitEventTypes(callback, types -> types.size() >= 3);
        CallDisconnected disconnected = (CallDisconnected) receiver.events(callback).get(2);
        assertThat(disconnected.getCallConnectionId()).isEqualTo(created.getCallConnectionId());
        assertThat(receiver.received(callback).get(2).json().get(0).path("data").path("resultInformation")
                .path("subCode").asInt()).isEqualTo(7000);
    }

    @Test
    void addThenTransferDeliversAcceptedThenDisconnected7015() {
        String callback = "/callbacks/" + UUID.randomUUID();
        CreateCallResult result = client.createCall(new CallInvite(new CommunicationUserIdentifier(person())),
                receiver.url(callback));
        String id = result.getCallConnectionProperties().getCallConnectionId();
        receiver.awaitEventTypes(callback, types -> types.contains("ParticipantsUpdated"));
        CallConnection connection = client.getCallConnection(id);

        AddParticipantResult added = connection.addParticipant(new CallInvite(
                new PhoneNumberIdentifier("+14255550123"), new PhoneNumberIdentifier("+18005550100")));
        assertThat(added.getParticipant().getIdentifier().getRawId()).isEqualTo("4:+14255550123");
        receiver.awaitEventTypes(callback, types -> types.contains("AddParticipantSucceeded")
                && types.lastIndexOf("ParticipantsUpdated") > types.indexOf("AddParticipantSucceeded"));
        assertThat(connection.listParticipants().stream().toList()).hasSize(3);

        connection.removeParticipant(new PhoneNumberIdentifier("+14255550123"));
        receiver.awaitEventTypes(callback, types -> types.contains("RemoveParticipantSucceeded"));

        String target = person();
        connection.transferCallToParticipant(new CommunicationUserIdentifier(target));
        List<String> types = receiver.awaitEventTypes(callback, t -> t.contains("CallDisconnected"));
        assertThat(types.subList(types.size() - 2, types.size()))
                .containsExactly("CallTransferAccepted", "CallDisconnected");
        List<CallAutomationEventBase> events = receiver.events(callback);
        assertThat(events.get(events.size() - 2)).isInstanceOf(CallTransferAccepted.class);
    }
}
