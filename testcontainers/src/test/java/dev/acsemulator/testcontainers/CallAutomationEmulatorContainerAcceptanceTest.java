package dev.acsemulator.testcontainers;

import com.azure.communication.callautomation.CallAutomationClient;
import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.callautomation.models.CreateCallResult;
import com.azure.communication.callautomation.models.events.CallConnected;
import com.azure.communication.callautomation.models.events.CallDisconnected;
import com.azure.communication.common.CommunicationUserIdentifier;
import com.azure.communication.common.PhoneNumberIdentifier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.testcontainers.support.DockerAndEmulatorImage;
import dev.acsemulator.testcontainers.support.EmulatorContainers;
import dev.acsemulator.testcontainers.support.HostWebhook;
import dev.acsemulator.testcontainers.support.TrustingSdkClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The image built from docker/Dockerfile, started by {@link CallAutomationEmulatorContainer} and driven by the
 * official Java SDK; the application's webhooks run on the test's host and receive the callbacks.
 */
@ExtendWith(DockerAndEmulatorImage.class)
class CallAutomationEmulatorContainerAcceptanceTest {

    private static final String OWNED_NUMBER = "+18005550100";
    private static final String INCOMING_PATH = "/api/incomingCall";
    private static final Duration CALLBACK_WAIT = Duration.ofSeconds(20);

    private static HostWebhook webhook;
    private static CallAutomationEmulatorContainer emulator;
    private static CallAutomationClient client;

    @BeforeAll
    static void startEmulatorWithTheHostAsItsEventGridSubscriber() {
        webhook = new HostWebhook();
        emulator = EmulatorContainers.newContainer().withOwnedPhoneNumbers(OWNED_NUMBER);
        emulator.withEventGridSubscription("incoming-calls", emulator.getHostCallbackUrl(webhook.port(), INCOMING_PATH),
                List.of("4:" + OWNED_NUMBER), List.of(emulator.acsUserId("app-")));
        emulator.start();
        client = TrustingSdkClients.client(emulator);
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.stop();
        }
        if (webhook != null) {
            webhook.close();
        }
    }

    private String callbackUrl(String path) {
        return emulator.getHostCallbackUrl(webhook.port(), path);
    }

    @Test
    void healthEndpointAnswersOverHttpsTrustingOnlyTheContainersCertificate() throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(emulator.createSslContext()).build();
        HttpResponse<String> health = https.send(HttpRequest.newBuilder(URI.create(emulator.getEndpoint() + "health"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(health.body()).path("status").asText()).isEqualTo("healthy");
        assertThat(emulator.getConnectionString()).startsWith("endpoint=" + emulator.getEndpoint() + ";accesskey=");
    }

    @Test
    void dockerReportsTheContainerHealthyThroughTheImagesHealthcheck() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                emulator.getCurrentContainerInfo().getState().getHealth().getStatus().equals("healthy"));
    }

    @Test
    void emulatorRunsAsANonRootUserAndKeepsItsCertificateInTheDataVolume() throws Exception {
        assertThat(emulator.execInContainer("id", "-u").getStdout().trim()).isEqualTo("10001");
        assertThat(emulator.execInContainer("ls", "/data").getStdout().lines().toList())
                .contains("emulator-cert.pem", "truststore.jks", "truststore.p12");
    }

    @Test
    void writtenTrustStoreHoldsTheCertificateTheEmulatorServes(@TempDir Path directory) throws Exception {
        Path file = emulator.writeTrustStore(directory.resolve("truststore.p12"));

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, CallAutomationEmulatorContainer.TRUSTSTORE_PASSWORD.toCharArray());
        }
        assertThat(store.getCertificate("acs-emulator")).isEqualTo(emulator.getCertificate());
        assertThat(emulator.getCertificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void officialSdkPlacesACallAndTheHostAppReceivesItsCallbacks() {
        String path = "/api/callbacks/outbound";
        CreateCallResult created = client.createCall(
                new CallInvite(new CommunicationUserIdentifier(emulator.acsUserId("alice"))), callbackUrl(path));

        await().atMost(CALLBACK_WAIT).until(() -> webhook.callbackTypes(path),
                types -> types.containsAll(List.of("CallConnected", "ParticipantsUpdated")));
        assertThat(webhook.callbacks(path).get(0)).isInstanceOf(CallConnected.class);
        assertThat(webhook.callbacks(path).get(0).getCallConnectionId())
                .isEqualTo(created.getCallConnectionProperties().getCallConnectionId());

        created.getCallConnection().hangUp(true);
        await().atMost(CALLBACK_WAIT).until(() -> webhook.callbackTypes(path), types -> types.contains("CallDisconnected"));
        assertThat(webhook.callbacks(path).get(webhook.callbacks(path).size() - 1)).isInstanceOf(CallDisconnected.class);
    }

    @Test
    void callToAnOwnedNumberRaisesIncomingCallAtTheHostAndAnsweringConnectsIt() {
        String callerPath = "/api/callbacks/caller";
        String calleePath = "/api/callbacks/callee";
        int before = webhook.notifications().size();
        client.createCall(new CallInvite(new PhoneNumberIdentifier(OWNED_NUMBER), new PhoneNumberIdentifier(OWNED_NUMBER)),
                callbackUrl(callerPath));

        await().atMost(CALLBACK_WAIT).until(() -> webhook.notifications().size() > before);
        JsonNode incoming = webhook.notifications().get(before);
        assertThat(incoming.path("eventType").asText()).isEqualTo("Microsoft.Communication.IncomingCall");
        assertThat(incoming.path("data").path("to").path("rawId").asText()).isEqualTo("4:" + OWNED_NUMBER);
        assertThat(webhook.validationCodes()).isNotEmpty();

        client.answerCall(incoming.path("data").path("incomingCallContext").asText(), callbackUrl(calleePath));
        await().atMost(CALLBACK_WAIT).until(() -> webhook.callbackTypes(calleePath), types -> types.contains("CallConnected"));
        await().atMost(CALLBACK_WAIT).until(() -> webhook.callbackTypes(callerPath), types -> types.contains("CallConnected"));
    }

    @Test
    void theControlApiMakesACalleeBusyAndInjectsAFault() {
        String callee = emulator.acsUserId("control-" + System.nanoTime());
        emulator.control().setBehaviour(callee, "{\"response\":\"busy\"}");
        String busyPath = "/api/callbacks/busy";
        client.createCall(new CallInvite(new CommunicationUserIdentifier(callee)), callbackUrl(busyPath));
        await().atMost(CALLBACK_WAIT).until(() -> webhook.callbackTypes(busyPath),
                types -> types.contains("CallDisconnected"));
        assertThat(webhook.callbackTypes(busyPath)).doesNotContain("CallConnected");

        emulator.control().addFault("{\"count\":1,\"match\":{\"operation\":\"CallConnection_GetCall\"},"
                + "\"fault\":{\"type\":\"httpError\",\"status\":409,\"code\":\"Injected\"}}");
        String path = "/api/callbacks/faulted";
        CreateCallResult created = client.createCall(
                new CallInvite(new CommunicationUserIdentifier(emulator.acsUserId("bob"))), callbackUrl(path));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> created.getCallConnection().getCallProperties())
                .hasMessageContaining("409");
        assertThat(emulator.control().faults().path("applied")).hasSize(1);
    }
}
