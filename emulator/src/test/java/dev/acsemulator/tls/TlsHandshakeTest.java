package dev.acsemulator.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real TLS handshakes against a Netty server on loopback, with the JDK's default HTTPS hostname verification. */
class TlsHandshakeTest {

    private static final int TIMEOUT_MILLIS = 10_000;

    @TempDir
    static Path dataDir;

    private static TlsMaterial material;
    private static TinyHttpsServer server;

    @BeforeAll
    static void startServer() throws Exception {
        material = TlsMaterial.loadOrCreate(dataDir, List.of(), Optional.empty(), Optional.empty(), Clock.systemUTC());
        server = TinyHttpsServer.start(material.nettyServerSslContext(), InetAddress.getByName("127.0.0.1"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void httpsRequestTo127001PassesHostnameVerification() throws Exception {
        assertThat(getOk("127.0.0.1", server.port(), material.clientSslContext())).isEqualTo("ok");
    }

    @Test
    void httpsRequestToLocalhostPassesHostnameVerification() throws Exception {
        assertThat(getOk("localhost", server.port(), material.clientSslContext())).isEqualTo("ok");
    }

    @Test
    void httpsRequestToIpv6LoopbackPassesHostnameVerification() throws Exception {
        InetAddress ipv6Loopback = InetAddress.getByName("::1");
        TinyHttpsServer ipv6Server;
        try {
            ipv6Server = TinyHttpsServer.start(material.nettyServerSslContext(), ipv6Loopback);
        } catch (Exception noIpv6) {
            Assumptions.abort("IPv6 loopback is unavailable: " + noIpv6);
            return;
        }
        try (ipv6Server) {
            assertThat(getOk("[::1]", ipv6Server.port(), material.clientSslContext())).isEqualTo("ok");
        }
    }

    @Test
    void serverPresentsTheMaterialsCertificateOverTls13() throws Exception {
        try (SSLSocket socket = connect("localhost")) {
            socket.startHandshake();

            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
            assertThat(socket.getSession().getPeerCertificates()[0]).isEqualTo(material.certificateChain().get(0));
        }
    }

    @Test
    void serverStillAcceptsTls12Clients() throws Exception {
        try (SSLSocket socket = connect("localhost")) {
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.startHandshake();

            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
        }
    }

    @Test
    void aHostNameTheCertificateDoesNotCoverFailsVerification() throws Exception {
        try (SSLSocket socket = connect("not-covered.example")) {
            assertThatThrownBy(socket::startHandshake)
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("not-covered.example");
        }
    }

    @Test
    void aClientWithoutTheTruststoreRejectsTheServer() throws Exception {
        SSLContext jdkDefaults = SSLContext.getInstance("TLS");
        jdkDefaults.init(null, null, null);

        assertThatThrownBy(() -> getOk("localhost", server.port(), jdkDefaults)).isInstanceOf(SSLHandshakeException.class);
    }

    private static String getOk(String host, int port, SSLContext clientContext) throws IOException {
        HttpsURLConnection connection = (HttpsURLConnection) URI.create("https://" + host + ":" + port + "/calling/probe").toURL().openConnection();
        connection.setSSLSocketFactory(clientContext.getSocketFactory());
        connection.setConnectTimeout(TIMEOUT_MILLIS);
        connection.setReadTimeout(TIMEOUT_MILLIS);
        try (InputStream body = connection.getInputStream()) {
            assertThat(connection.getResponseCode()).isEqualTo(200);
            return new String(body.readAllBytes(), StandardCharsets.US_ASCII);
        } finally {
            connection.disconnect();
        }
    }

    /** A socket to the 127.0.0.1 server that verifies the certificate against {@code hostName}, as HTTPS clients do. */
    private static SSLSocket connect(String hostName) throws IOException {
        Socket plain = new Socket(InetAddress.getByName("127.0.0.1"), server.port());
        plain.setSoTimeout(TIMEOUT_MILLIS);
        SSLSocket socket = (SSLSocket) material.clientSslContext().getSocketFactory().createSocket(plain, hostName, server.port(), true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        return socket;
    }
}
