package dev.acsemulator.conformance;

import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.common.CommunicationUserIdentifier;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import dev.acsemulator.tls.TlsMaterial;
import org.junit.jupiter.api.Test;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Callback delivery: a webhook that never answers holds up nobody else; https webhooks are trusted like the JDK. */
class DeliveryAcceptanceTest extends ConformanceTest {

    @Test
    void aWebhookThatNeverAnswersDelaysNeitherTheApiNorOtherCalls() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket blackHole = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!blackHole.isClosed()) {
                    try {
                        held.add(blackHole.accept());
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String stuck = "http://127.0.0.1:" + blackHole.getLocalPort() + "/never";
            for (int i = 0; i < 5; i++) {
                client.createCall(new CallInvite(new CommunicationUserIdentifier(person())), stuck);
            }
            long started = System.nanoTime();
            PersonCall healthy = connectedCallToPerson();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(receiver.eventTypes(healthy.callbackPath())).containsExactly("CallConnected",
                    "ParticipantsUpdated");
            await().atMost(Duration.ofSeconds(10)).until(() -> !held.isEmpty());
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void anHttpsWebhookIsTrustedThroughTheJdkTrustStore() throws Exception {
        TlsMaterial tls = EmulatorUnderTest.emulator().tls();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("webhook", tls.privateKey(), new char[0], tls.certificateChain().toArray(new Certificate[0]));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, new char[0]);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keyManagers.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        List<String> received = new CopyOnWriteArrayList<>();
        server.createContext("/", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String callback = "https://localhost:" + server.getAddress().getPort() + "/secure";
            client.createCall(new CallInvite(new CommunicationUserIdentifier(person())), callback);
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 2);
            assertThat(received.get(0)).contains("Microsoft.Communication.CallConnected");
        } finally {
            server.stop(0);
        }
    }
}
