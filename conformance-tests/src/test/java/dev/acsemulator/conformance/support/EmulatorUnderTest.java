package dev.acsemulator.conformance.support;

import com.azure.communication.callautomation.CallAutomationClient;
import com.azure.communication.callautomation.CallAutomationClientBuilder;
import dev.acsemulator.Emulator;
import dev.acsemulator.junit5.AcsEmulatorExtension;
import dev.acsemulator.junit5.CallbackReceiver;

/**
 * The suite's shared emulator, as the JUnit 5 extension runs it for every class annotated
 * {@code @AcsEmulatorTest(configurer = ConformanceSetup.class)}; for helpers that are not test parameters. The SDK
 * client trusts the emulator the way the README tells users to: the JVM trust store, which this module's surefire
 * configuration points at the truststore in the extension's data directory.
 */
public final class EmulatorUnderTest {

    public static final String APP_USER_PREFIX = "8:acs:0a5e0000-ca11-4a7e-8000-000000000001_app-";
    public static final String INCOMING_PATH = "/eventgrid";
    /** Users of the emulated resource that no subscription routes: simulated people (or an app's own source user). */
    public static final String RESOURCE_USER_PREFIX = "8:acs:0a5e0000-ca11-4a7e-8000-000000000001_";
    /** The phone number the suite's resource owns, usable as caller id; calls to it reach the suite. */
    public static final String OWNED_NUMBER = "+18005550100";
    /** A second owned number, for the golden replays of PSTN tests that called one of their own numbers. */
    public static final String APP_PHONE_NUMBER = "+18005550101";

    private EmulatorUnderTest() {
    }

    public static Emulator emulator() {
        return AcsEmulatorExtension.shared(ConformanceSetup.class).emulator();
    }

    public static CallbackReceiver receiver() {
        return AcsEmulatorExtension.shared(ConformanceSetup.class).receiver();
    }

    /** The emulator if the suite started one, else null (for the coverage report). */
    public static Emulator startedOrNull() {
        return AcsEmulatorExtension.sharedIfStarted(ConformanceSetup.class).map(
                AcsEmulatorExtension.Running::emulator).orElse(null);
    }

    /** The official SDK client, with a policy that checks every response body against its schema. */
    public static CallAutomationClient client() {
        return new CallAutomationClientBuilder()
                .connectionString(emulator().connectionString())
                .addPolicy(new ResponseSchemaPolicy(emulator().routes()))
                .buildClient();
    }
}
