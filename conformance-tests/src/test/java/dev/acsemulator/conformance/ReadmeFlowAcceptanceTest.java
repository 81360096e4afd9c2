package dev.acsemulator.conformance;

import com.azure.communication.callautomation.CallAutomationClient;
import com.azure.communication.callautomation.CallAutomationClientBuilder;
import com.azure.communication.callautomation.CallConnection;
import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.common.CommunicationUserIdentifier;
import com.azure.communication.common.PhoneNumberIdentifier;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's flow, out of process: the runnable jar is started as a user would start it, the connection string is
 * read from its banner, and the official SDK (trusting the exported truststore) creates a call, adds a participant,
 * transfers and hangs up, while a local webhook receives the documented events.
 */
class ReadmeFlowAcceptanceTest extends ConformanceTest {

    private static final Pattern CONNECTION_STRING = Pattern.compile("Connection string : (endpoint=\\S+)");

    @Test
    void theRunnableJarServesTheSdkFlowFromTheReadme() throws Exception {
        Path jar = Path.of("..", "emulator", "target", "acs-emulator-0.1.0-SNAPSHOT-all.jar").toAbsolutePath();
        assertThat(jar).as("the runnable jar built by the emulator module").exists();
        Path dataDir = EmulatorUnderTest.emulator().config().dataDir();
        Process emulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--https-port=0", "--http-port=-1", "--answer-delay=100",
                "--data-dir=" + dataDir).redirectErrorStream(true).start();
        try {
            String connectionString = awaitConnectionString(emulator);
            CallAutomationClient sdk = new CallAutomationClientBuilder().connectionString(connectionString)
                    .buildClient();
            String path = newCallbackPath();
            String id = sdk.createCall(new CallInvite(new CommunicationUserIdentifier(person())), receiver.url(path))
                    .getCallConnectionProperties().getCallConnectionId();
            receiver.awaitEventTypes(path, types -> types.contains("ParticipantsUpdated"));
            CallConnection connection = sdk.getCallConnection(id);
            connection.addParticipant(new CallInvite(new PhoneNumberIdentifier("+14255550123"),
                    new PhoneNumberIdentifier("+18005550100")));
            receiver.awaitEventTypes(path, types -> types.contains("AddParticipantSucceeded"));
            connection.hangUp(false);
            assertThat(receiver.awaitEventTypes(path, t -> t.contains("CallDisconnected"))).containsExactly(
                    "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "AddParticipantSucceeded",
                    "ParticipantsUpdated", "CallDisconnected");

            String transferPath = newCallbackPath();
            String transferred = sdk.createCall(new CallInvite(new CommunicationUserIdentifier(person())),
                    receiver.url(transferPath)).getCallConnectionProperties().getCallConnectionId();
            receiver.awaitEventTypes(transferPath, types -> types.contains("ParticipantsUpdated"));
            sdk.getCallConnection(transferred).transferCallToParticipant(new CommunicationUserIdentifier(person()));
            assertThat(receiver.awaitEventTypes(transferPath, t -> t.contains("CallDisconnected"))).containsExactly(
                    "CallConnected", "ParticipantsUpdated", "CallTransferAccepted", "CallDisconnected");
        } finally {
            emulator.destroy();
            emulator.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String awaitConnectionString(Process emulator) throws Exception {
        CompletableFuture<String> found = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(emulator.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Matcher matcher = CONNECTION_STRING.matcher(line);
                    if (matcher.find()) {
                        found.complete(matcher.group(1));
                    }
                }
                found.completeExceptionally(new IllegalStateException("the emulator exited without a banner"));
            } catch (Exception e) {
                found.completeExceptionally(e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        return found.get(60, TimeUnit.SECONDS);
    }

}
