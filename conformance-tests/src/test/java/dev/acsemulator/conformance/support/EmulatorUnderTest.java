package dev.acsemulator.conformance.support;

import com.azure.communication.callautomation.CallAutomationClient;
import com.azure.communication.callautomation.CallAutomationClientBuilder;
import dev.acsemulator.Emulator;
import dev.acsemulator.config.EmulatorConfig;
import dev.acsemulator.world.eventgrid.EventGridSubscription;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One emulator for the whole suite, started in-process on free ports with its data under {@code target/}. The
 * official SDK trusts it the way the README tells users to: {@code javax.net.ssl.trustStore} alone.
 */
public final class EmulatorUnderTest {

    public static final String APP_USER_PREFIX = "8:acs:0a5e0000-ca11-4a7e-8000-000000000001_app-";
    public static final String INCOMING_PATH = "/eventgrid";

    private static Emulator emulator;
    private static WebhookReceiver receiver;

    private EmulatorUnderTest() {
    }

    public static synchronized Emulator emulator() {
        if (emulator == null) {
            Path dataDir = Path.of("target", "emulator-data").toAbsolutePath();
            System.setProperty("javax.net.ssl.trustStore", dataDir.resolve("truststore.jks").toString());
            System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
            receiver = new WebhookReceiver();
            emulator = Emulator.start(EmulatorConfig.builder()
                    .httpsPort(0)
                    .httpPort(0)
                    .dataDir(dataDir)
                    .answerDelay(Duration.ofMillis(100))
                    .ringTimeout(Duration.ofSeconds(3))
                    .participantsPageSize(2)
                    .deliveryInitialBackoff(Duration.ofMillis(100))
                    .eventGridRetryTimeScale(0.001)
                    .ownedPhoneNumbers(List.of("+18005550100"))
                    .addEventGridSubscription(new EventGridSubscription("incoming-calls",
                            receiver.url(INCOMING_PATH), List.of("4:+18005550100"), List.of(APP_USER_PREFIX)))
                    .build());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                emulator.close();
                receiver.close();
            }));
        }
        return emulator;
    }

    /** The emulator if the suite started one, else null (for the coverage report). */
    public static synchronized Emulator startedOrNull() {
        return emulator;
    }

    public static WebhookReceiver receiver() {
        emulator();
        return receiver;
    }

    public static CallAutomationClient client() {
        return new CallAutomationClientBuilder()
                .connectionString(emulator().connectionString())
                .addPolicy(new ResponseSchemaPolicy(emulator().routes()))
                .buildClient();
    }
}
