package dev.acsemulator.junit5;

import com.azure.communication.callautomation.CallAutomationClient;
import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.common.CommunicationUserIdentifier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The extension changes nothing JVM-wide: its SDK client trusts the emulator through its own HTTP client. */
@AcsEmulatorTest
class NoJvmWideSettingsTest {

    @Test
    void anInjectedClientReachesTheEmulatorOverHttpsWithoutAnyJavaxNetSslProperty(CallAutomationClient client,
                                                                                  CallbackReceiver receiver) {
        client.createCall(new CallInvite(new CommunicationUserIdentifier(
                "8:acs:0a5e0000-ca11-4a7e-8000-000000000001_no-jvm-trust")), receiver.url("/no-jvm-trust"));
        receiver.awaitEventSequence("/no-jvm-trust", "CallConnected", "ParticipantsUpdated");

        assertThat(System.getProperties().stringPropertyNames())
                .filteredOn(name -> name.startsWith("javax.net.ssl."))
                .as("javax.net.ssl.* system properties").isEmpty();
    }
}
