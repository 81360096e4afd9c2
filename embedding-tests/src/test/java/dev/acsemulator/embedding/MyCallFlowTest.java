package dev.acsemulator.embedding;

import com.azure.communication.callautomation.CallAutomationClient;
import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.common.CommunicationUserIdentifier;
import dev.acsemulator.admin.client.ControlClient;
import dev.acsemulator.junit5.AcsEmulatorTest;
import dev.acsemulator.junit5.CallbackReceiver;
import org.junit.jupiter.api.Test;

// The README's example ("Use it from Java tests"), as it stands there.
@AcsEmulatorTest                       // configurer = ..., scope = SHARED (default) or PER_CLASS
class MyCallFlowTest {
    @Test
    void answersAndPlaysTheMenu(CallAutomationClient client, CallbackReceiver webhook, ControlClient control) {
        client.createCall(new CallInvite(new CommunicationUserIdentifier("8:acs:..._alice")), webhook.url("/cb"));
        webhook.awaitEventSequence("/cb", "CallConnected", "ParticipantsUpdated");
    }
}
