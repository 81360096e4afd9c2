package dev.acsemulator.embedding;

import com.azure.communication.callautomation.CallAutomationClient;
import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.callautomation.models.FileSource;
import com.azure.communication.common.CommunicationUserIdentifier;
import dev.acsemulator.admin.client.ControlClient;
import dev.acsemulator.junit5.AcsEmulatorTest;
import dev.acsemulator.junit5.CallbackReceiver;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

// The README's example ("Use it from Java tests"), as it stands there.
@AcsEmulatorTest                       // configurer = ..., scope = SHARED (default) or PER_CLASS
class MyCallFlowTest {
    @Test
    void answersAndPlaysTheMenu(CallAutomationClient client, CallbackReceiver webhook, ControlClient control) {
        String menu = webhook.serveAudio("/menu.wav", Duration.ofSeconds(3));   // a WAV for the emulator to fetch
        String alice = "8:acs:..._alice";
        String id = client.createCall(new CallInvite(new CommunicationUserIdentifier(alice)), webhook.url("/cb"))
                .getCallConnectionProperties().getCallConnectionId();
        webhook.awaitEventSequence("/cb", "CallConnected", "ParticipantsUpdated");

        client.getCallConnection(id).getCallMedia().playToAll(new FileSource().setUrl(menu));

        webhook.awaitEventSequence("/cb", "CallConnected", "ParticipantsUpdated", "PlayCompleted");
        String serverCallId = control.callOfConnection(id).path("serverCallId").asText();
        var heard = control.heard(serverCallId, alice).path("heard").get(0);   // what alice heard, start to end
        assertEquals(menu, heard.path("uri").asText());
        assertEquals("completed", heard.path("ending").asText());
    }
}
