package dev.acsemulator.delivery.websocket;

import dev.acsemulator.http.IoLoops;
import dev.acsemulator.testsupport.AppStreamServer;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stream socket against a real WebSocket server: headers, text out, text in, close both ways, failures. */
class WebSocketClientTest {

    private final IoLoops loops = new IoLoops(1);
    private final WebSocketClient client = new WebSocketClient(loops, Duration.ofSeconds(2));
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> closes = new LinkedBlockingQueue<>();
    private final WebSocketListener listener = new WebSocketListener() {
        @Override
        public void onText(String text) {
            received.add(text);
        }

        @Override
        public void onBinary(byte[] data) {
            received.add("binary:" + data.length);
        }

        @Override
        public void onClosed(int code, String reason, Throwable error) {
            closes.add(code + (error == null ? "" : " error"));
        }
    };
    private AppStreamServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        loops.close();
    }

    private WebSocketSession open(Map<String, String> headers) throws Exception {
        server = new AppStreamServer();
        return client.connect(URI.create(server.url()), headers, listener)
                .get(5, TimeUnit.SECONDS);
    }

    @Test
    void theUpgradeRequestCarriesTheServicesHeaders() throws Exception {
        open(Map.of("Authorization", "Bearer token", "x-ms-call-connection-id", "conn-1",
                "x-ms-call-correlation-id", "corr-1"));

        HttpHeaders headers = server.awaitSocket(1).handshake;
        assertThat(headers.get("authorization")).isEqualTo("Bearer token");
        assertThat(headers.get("x-ms-call-connection-id")).isEqualTo("conn-1");
        assertThat(headers.get("x-ms-call-correlation-id")).isEqualTo("corr-1");
        assertThat(headers.contains("origin")).as("the service sends no Origin").isFalse();
    }

    @Test
    void textFramesGoOutInOrderAndTheApplicationsFramesComeBack() throws Exception {
        WebSocketSession session = open(Map.of());

        assertThat(session.sendText("{\"n\":1}")).isTrue();
        assertThat(session.sendText("{\"n\":2}")).isTrue();
        assertThat(server.awaitSocket(1).awaitTexts(2)).containsExactly("{\"n\":1}", "{\"n\":2}");

        server.awaitSocket(1).send("{\"kind\":\"StopAudio\"}");
        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("{\"kind\":\"StopAudio\"}");
    }

    @Test
    void closingSendsANormalCloseFrameAndEndsTheSession() throws Exception {
        WebSocketSession session = open(Map.of());

        session.close(WebSocketSession.NORMAL_CLOSURE, "stopped").get(5, TimeUnit.SECONDS);

        assertThat(server.awaitSocket(1).awaitCloseCode()).isEqualTo(1000);
        assertThat(closes.poll(5, TimeUnit.SECONDS)).isEqualTo("1000");
        assertThat(session.isOpen()).isFalse();
        assertThat(session.sendText("late")).isFalse();
    }

    @Test
    void theApplicationClosingIsReportedWithItsCode() throws Exception {
        open(Map.of());

        server.awaitSocket(1).close(1001, "going away");

        assertThat(closes.poll(5, TimeUnit.SECONDS)).isEqualTo("1001");
    }

    @Test
    void aDroppedConnectionIsReportedAsAbnormal() throws Exception {
        open(Map.of());

        server.awaitSocket(1).drop();

        assertThat(closes.poll(5, TimeUnit.SECONDS)).isEqualTo("1006 error");
    }

    @Test
    void aRefusedConnectionFailsTheConnect() throws Exception {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0)) {
            freePort = probe.getLocalPort();
        }
        CompletableFuture<WebSocketSession> connecting = client.connect(
                URI.create("ws://127.0.0.1:" + freePort + "/media"), Map.of(), listener);

        assertThatThrownBy(() -> connecting.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(WebSocketConnectException.class);
    }

    @Test
    void aServerThatDoesNotUpgradeFailsTheConnect() throws Exception {
        server = new AppStreamServer();
        CompletableFuture<WebSocketSession> connecting = client.connect(
                URI.create("ws://127.0.0.1:" + server.port() + "/not-a-socket"), Map.of(), listener);

        assertThatThrownBy(() -> connecting.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(WebSocketConnectException.class);
    }

    @Test
    void aNonWebSocketUrlFailsWithoutConnecting() {
        CompletableFuture<WebSocketSession> connecting = client.connect(URI.create("https://example.com/x"),
                Map.of(), listener);

        assertThatThrownBy(() -> connecting.get(1, TimeUnit.SECONDS)).hasCauseInstanceOf(
                WebSocketConnectException.class).hasMessageContaining("Not a ws:// or wss:// URL");
    }

    @Test
    void aHostThatDoesNotResolveFailsTheConnectNamingIt() {
        CompletableFuture<WebSocketSession> connecting = client.connect(
                URI.create("ws://no-such-host.invalid:9/media"), Map.of(), listener);

        assertThatThrownBy(() -> connecting.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(
                WebSocketConnectException.class).hasMessageContaining("no-such-host.invalid");
    }

    @Test
    void wssIsVerifiedAgainstTheTrustedCertificate(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        dev.acsemulator.tls.TlsMaterial tls = dev.acsemulator.tls.TlsMaterial.loadOrCreate(dir, java.util.List.of(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.time.Clock.systemUTC());
        server = new AppStreamServer("/media", tls.nettyServerSslContext());
        SslContext trusting = SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                .trustManager(tls.certificateChain().toArray(java.security.cert.X509Certificate[]::new))
                .endpointIdentificationAlgorithm("HTTPS").build();
        WebSocketClient secureClient = new WebSocketClient(loops, Duration.ofSeconds(5), trusting);

        WebSocketSession session = secureClient.connect(URI.create("wss://localhost:" + server.port() + "/media"),
                Map.of(), listener).get(10, TimeUnit.SECONDS);
        session.sendText("over tls");

        assertThat(server.awaitSocket(1).awaitTexts(1)).containsExactly("over tls");
        CompletableFuture<WebSocketSession> untrusted = client.connect(
                URI.create("wss://localhost:" + server.port() + "/media"), Map.of(), listener);
        assertThatThrownBy(() -> untrusted.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(
                WebSocketConnectException.class);
    }
}
