package dev.acsemulator.junit5;

import com.azure.communication.callautomation.CallAutomationClient;
import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.common.CommunicationUserIdentifier;
import dev.acsemulator.Emulator;
import dev.acsemulator.admin.client.ControlClient;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The extension gives a test what it asks for, wired to one running emulator. */
@AcsEmulatorTest
class AcsEmulatorExtensionTest {

    private static final String PERSON = "8:acs:0a5e0000-ca11-4a7e-8000-000000000001_extension-test";

    @Test
    void aTestGetsAnEmulatorAndAnSdkClientThatReachesItsCallbacks(Emulator emulator, CallAutomationClient client,
                                                                  CallbackReceiver receiver,
                                                                  @ConnectionString String connectionString) {
        assertThat(connectionString).isEqualTo(emulator.connectionString()).startsWith("endpoint=https://");
        client.createCall(new CallInvite(new CommunicationUserIdentifier(PERSON)), receiver.url("/extension"));
        assertThat(receiver.awaitEventSequence("/extension", "CallConnected", "ParticipantsUpdated")).hasSize(2);
    }

    @Test
    void behavioursSetInOneTestAreResetAfterIt(ControlClient control) {
        control.setBehaviour(PERSON, "{\"response\":\"busy\"}");
        assertThat(control.identity(PERSON).path("behaviour").path("response").asText()).isEqualTo("busy");
    }

    @Test
    void aLaterTestSeesTheConfiguredBehaviourAgain(ControlClient control) {
        assertThat(control.identity(PERSON).path("behaviour").path("response").asText()).isEqualTo("answer");
    }

    /** A class that asks for its own emulator gets one, on other ports. */
    @AcsEmulatorTest(scope = AcsEmulatorTest.Scope.PER_CLASS)
    @Nested
    class OwnEmulator {
        @Test
        void aPerClassEmulatorIsNotTheSharedOne(Emulator own) {
            assertThat(own).isNotSameAs(AcsEmulatorExtension.shared(EmulatorConfigurer.Defaults.class).emulator());
            assertThat(own.httpsPort()).isPositive();
        }
    }
}
