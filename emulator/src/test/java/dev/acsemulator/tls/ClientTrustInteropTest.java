package dev.acsemulator.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trust recipes the emulator prints for users, exercised by separate client processes. */
class ClientTrustInteropTest {

    private static final String JAVA_PROBE = """
            import java.net.URI;
            import javax.net.ssl.HttpsURLConnection;

            public class Probe {
                public static void main(String[] args) throws Exception {
                    HttpsURLConnection connection = (HttpsURLConnection) URI.create(args[0]).toURL().openConnection();
                    System.out.println(connection.getResponseCode() + " " + new String(connection.getInputStream().readAllBytes()));
                }
            }
            """;

    private static final String NODE_PROBE = """
            const https = require('https');
            https.get({ hostname: process.argv[1], port: Number(process.argv[2]), path: '/', family: 4 }, response => {
              let body = '';
              response.on('data', chunk => body += chunk);
              response.on('end', () => console.log(response.statusCode + ' ' + body));
            }).on('error', error => { console.error(error.code + ' ' + error.message); process.exit(1); });
            """;

    @TempDir
    static Path dir;

    private static TlsMaterial material;
    private static TinyHttpsServer server;

    @BeforeAll
    static void startServer() throws Exception {
        material = TlsMaterial.loadOrCreate(dir.resolve("data"), List.of(), Optional.empty(), Optional.empty(), Clock.systemUTC());
        server = TinyHttpsServer.start(material.nettyServerSslContext(), InetAddress.getByName("127.0.0.1"));
        Files.writeString(dir.resolve("Probe.java"), JAVA_PROBE);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void javaClientTrustsTheServerThroughTheJksTrustStoreProperties() throws Exception {
        ExternalCommand result = javaProbe(material.truststorePath(), "https://localhost:" + server.port() + "/");

        assertThat(result.output()).contains("200 ok");
    }

    @Test
    void javaClientTrustsTheServerThroughThePkcs12TrustStoreProperties() throws Exception {
        ExternalCommand result = javaProbe(material.pkcs12TruststorePath(), "https://127.0.0.1:" + server.port() + "/");

        assertThat(result.output()).contains("200 ok");
    }

    @Test
    void javaClientWithoutTheTrustStoreRefusesTheServer() throws Exception {
        ExternalCommand result = javaProbe(null, "https://localhost:" + server.port() + "/");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("PKIX path building failed");
    }

    @Test
    void nodeClientTrustsTheServerThroughNodeExtraCaCerts() throws Exception {
        Assumptions.assumeTrue(ExternalCommand.isOnPath("node", "--version"), "node is not on PATH");
        Map<String, String> environment = Map.of("NODE_EXTRA_CA_CERTS", material.certificatePemPath().toString());

        for (String host : List.of("localhost", "127.0.0.1")) {
            ExternalCommand result = ExternalCommand.run(dir, environment,
                    List.of("node", "-e", NODE_PROBE, host, String.valueOf(server.port())));

            assertThat(result.output()).as(host).contains("200 ok");
        }
    }

    private static ExternalCommand javaProbe(Path trustStore, String url) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (trustStore != null) {
            command.add("-Djavax.net.ssl.trustStore=" + trustStore);
            command.add("-Djavax.net.ssl.trustStorePassword=changeit");
        }
        command.add("Probe.java");
        command.add(url);
        return ExternalCommand.run(dir, Map.of(), command);
    }
}
