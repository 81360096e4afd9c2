package dev.acsemulator.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.HttpsURLConnection;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenSSL stands in for Node, which trusts NODE_EXTRA_CA_CERTS the same way; skipped where openssl is not on PATH. */
class OpenSslInteropTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void requireOpenssl() {
        Assumptions.assumeTrue(ExternalCommand.isOnPath("openssl", "version"), "openssl is not on PATH");
    }

    @Test
    void opensslParsesTheGeneratedCertificate() throws Exception {
        TlsMaterial material = generatedMaterial();

        ExternalCommand text = openssl(dir, "x509", "-in", material.certificatePemPath().toString(), "-noout", "-text");

        assertThat(text.exitCode()).as(text.output()).isZero();
        assertThat(text.output()).contains("Subject: CN = ACS Call Automation Emulator", "CA:TRUE",
                "Digital Signature, Key Encipherment, Certificate Sign", "TLS Web Server Authentication",
                "DNS:localhost", "IP Address:127.0.0.1", "IP Address:0:0:0:0:0:0:0:1", "sha256WithRSAEncryption",
                "Public-Key: (2048 bit)");
    }

    @Test
    void opensslVerifiesTheSelfSignedCertificateAgainstItself() throws Exception {
        String cert = generatedMaterial().certificatePemPath().toString();

        ExternalCommand verify = openssl(dir, "verify", "-CAfile", cert, cert);

        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).contains(cert + ": OK");
    }

    @Test
    void opensslClientTrustingTheCertificateFileVerifiesTheServerByNameAndAddress() throws Exception {
        TlsMaterial material = generatedMaterial();
        try (TinyHttpsServer server = TinyHttpsServer.start(material.nettyServerSslContext(), InetAddress.getByName("127.0.0.1"))) {
            String cert = material.certificatePemPath().toString();
            String target = "127.0.0.1:" + server.port();

            ExternalCommand byName = openssl(dir, "s_client", "-connect", target, "-servername", "localhost", "-CAfile", cert,
                    "-verify_hostname", "localhost", "-verify_return_error");
            ExternalCommand byAddress = openssl(dir, "s_client", "-connect", target, "-CAfile", cert,
                    "-verify_ip", "127.0.0.1", "-verify_return_error");

            assertThat(byName.output()).contains("Verify return code: 0 (ok)");
            assertThat(byAddress.output()).contains("Verify return code: 0 (ok)");
        }
    }

    @Test
    void opensslMadeCertificateWithPkcs1RsaKeyServesHttps() throws Exception {
        Path cert = dir.resolve("rsa-cert.pem");
        Path pkcs8Key = dir.resolve("rsa-key.pem");
        Path pkcs1Key = dir.resolve("rsa-key-pkcs1.pem");
        assertSucceeds(openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", pkcs8Key.toString(),
                "-out", cert.toString(), "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"));
        assertSucceeds(openssl(dir, "rsa", "-in", pkcs8Key.toString(), "-traditional", "-out", pkcs1Key.toString()));
        assertThat(Files.readString(pkcs1Key)).contains("BEGIN RSA PRIVATE KEY");

        assertServesHttpsToLocalhost(TlsMaterial.loadOrCreate(dir.resolve("data"), List.of(), Optional.of(cert),
                Optional.of(pkcs1Key), Clock.systemUTC()));
    }

    @Test
    void opensslMadeEcCertificateAndPkcs8KeyServeHttps() throws Exception {
        Path cert = dir.resolve("ec-cert.pem");
        Path key = dir.resolve("ec-key.pem");
        assertSucceeds(openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"));

        assertServesHttpsToLocalhost(TlsMaterial.loadOrCreate(dir.resolve("data"), List.of(), Optional.of(cert),
                Optional.of(key), Clock.systemUTC()));
    }

    private TlsMaterial generatedMaterial() throws Exception {
        return TlsMaterial.loadOrCreate(dir.resolve("data"), List.of(), Optional.empty(), Optional.empty(), Clock.systemUTC());
    }

    private static void assertServesHttpsToLocalhost(TlsMaterial material) throws Exception {
        try (TinyHttpsServer server = TinyHttpsServer.start(material.nettyServerSslContext(), InetAddress.getByName("127.0.0.1"))) {
            HttpsURLConnection connection = (HttpsURLConnection) URI
                    .create("https://localhost:" + server.port() + "/").toURL().openConnection();
            connection.setSSLSocketFactory(material.clientSslContext().getSocketFactory());
            try (InputStream body = connection.getInputStream()) {
                assertThat(new String(body.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("ok");
            } finally {
                connection.disconnect();
            }
        }
    }

    private static void assertSucceeds(ExternalCommand result) {
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    private static ExternalCommand openssl(Path workDir, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        return ExternalCommand.run(workDir, Map.of(), command);
    }
}
