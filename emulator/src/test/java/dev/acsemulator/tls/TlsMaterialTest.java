package dev.acsemulator.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsMaterialTest {

    private static final Instant NOW = Instant.parse("2030-06-15T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    private TlsMaterial loadOrCreate(List<String> extraNames, Clock clock) throws Exception {
        return TlsMaterial.loadOrCreate(dataDir, extraNames, Optional.empty(), Optional.empty(), clock);
    }

    @Test
    void firstStartWritesCertificateKeyAndBothTruststores() throws Exception {
        Path nested = dataDir.resolve("not/yet/there");
        TlsMaterial material = TlsMaterial.loadOrCreate(nested, List.of(), Optional.empty(), Optional.empty(), CLOCK);

        assertThat(material.certificatePemPath()).isEqualTo(nested.resolve("emulator-cert.pem")).isRegularFile();
        assertThat(nested.resolve("emulator-key.pem")).isRegularFile();
        assertThat(material.truststorePath()).isEqualTo(nested.resolve("truststore.jks")).isRegularFile();
        assertThat(material.pkcs12TruststorePath()).isEqualTo(nested.resolve("truststore.p12")).isRegularFile();
        assertThat(material.truststorePassword()).isEqualTo("changeit");
        assertThat(PemFiles.readCertificates(material.certificatePemPath())).isEqualTo(material.certificateChain());
        assertThat(PemFiles.readPrivateKey(nested.resolve("emulator-key.pem"))).isEqualTo(material.privateKey());
    }

    @Test
    void generatedCertificateCarriesLoopbackSubjectAltNames() throws Exception {
        X509Certificate certificate = loadOrCreate(List.of(), CLOCK).certificateChain().get(0);

        assertThat(certificate.getSubjectAlternativeNames()).contains(
                List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"), List.of(2, "localhost"));
    }

    @Test
    void generatedCertificateSignatureVerifiesWithItsOwnPublicKey() throws Exception {
        X509Certificate certificate = loadOrCreate(List.of(), CLOCK).certificateChain().get(0);

        certificate.verify(certificate.getPublicKey());
    }

    @Test
    void secondLoadOrCreateReusesTheStoredCertificate() throws Exception {
        TlsMaterial first = loadOrCreate(List.of("emulator.test"), CLOCK);
        TlsMaterial second = loadOrCreate(List.of("EMULATOR.test"), CLOCK.withZone(ZoneOffset.ofHours(2)));

        assertThat(second.certificateChain()).isEqualTo(first.certificateChain());
        assertThat(second.privateKey()).isEqualTo(first.privateKey());
    }

    @Test
    void aNewExtraSubjectAltNameForcesRegeneration() throws Exception {
        TlsMaterial first = loadOrCreate(List.of(), CLOCK);
        TlsMaterial second = loadOrCreate(List.of("192.0.2.7", "emulator.test"), CLOCK);
        TlsMaterial third = loadOrCreate(List.of("emulator.test"), CLOCK);

        assertThat(second.certificateChain()).isNotEqualTo(first.certificateChain());
        assertThat(second.certificateChain().get(0).getSubjectAlternativeNames())
                .contains(List.of(7, "192.0.2.7"), List.of(2, "emulator.test"));
        assertThat(third.certificateChain()).as("a subset of the covered names needs no new certificate")
                .isEqualTo(second.certificateChain());
    }

    @Test
    void anExpiredCertificateIsReplaced() throws Exception {
        TlsMaterial first = loadOrCreate(List.of(), CLOCK);
        Clock elevenYearsLater = Clock.offset(CLOCK, Duration.ofDays(11 * 365));

        TlsMaterial second = loadOrCreate(List.of(), elevenYearsLater);

        assertThat(second.certificateChain()).isNotEqualTo(first.certificateChain());
        second.certificateChain().get(0).checkValidity(Date.from(elevenYearsLater.instant()));
    }

    @Test
    void aKeyThatNoLongerMatchesTheCertificateForcesRegeneration() throws Exception {
        TlsMaterial first = loadOrCreate(List.of(), CLOCK);
        Path otherDir = dataDir.resolve("other");
        TlsMaterial other = TlsMaterial.loadOrCreate(otherDir, List.of(), Optional.empty(), Optional.empty(), CLOCK);
        Files.copy(otherDir.resolve("emulator-key.pem"), dataDir.resolve("emulator-key.pem"),
                StandardCopyOption.REPLACE_EXISTING);

        TlsMaterial second = loadOrCreate(List.of(), CLOCK);

        assertThat(second.certificateChain()).isNotEqualTo(first.certificateChain()).isNotEqualTo(other.certificateChain());
        assertThat(second.certificateChain().get(0).getPublicKey().getEncoded())
                .isNotEqualTo(first.certificateChain().get(0).getPublicKey().getEncoded());
    }

    @Test
    void unreadableStoredFilesAreReplaced() throws Exception {
        loadOrCreate(List.of(), CLOCK);
        Files.writeString(dataDir.resolve("emulator-cert.pem"), "garbage");

        TlsMaterial second = loadOrCreate(List.of(), CLOCK);

        assertThat(PemFiles.readCertificates(second.certificatePemPath())).isEqualTo(second.certificateChain());
    }

    @Test
    void jksTruststoreLoadsWithChangeitAndContainsTheCertificate() throws Exception {
        TlsMaterial material = loadOrCreate(List.of(), CLOCK);

        byte[] bytes = Files.readAllBytes(material.truststorePath());
        assertThat(bytes).as("JKS magic number").startsWith(0xFE, 0xED, 0xFE, 0xED);
        KeyStore jks = KeyStore.getInstance("JKS");
        try (InputStream in = Files.newInputStream(material.truststorePath())) {
            jks.load(in, "changeit".toCharArray());
        }
        assertThat(jks.isCertificateEntry("acs-emulator")).isTrue();
        assertThat(jks.getCertificate("acs-emulator")).isEqualTo(material.certificateChain().get(0));
        assertThat(jks.size()).isEqualTo(1);
    }

    @Test
    void pkcs12TruststoreLoadsWithChangeitAndContainsTheCertificate() throws Exception {
        TlsMaterial material = loadOrCreate(List.of(), CLOCK);

        KeyStore pkcs12 = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(material.pkcs12TruststorePath())) {
            pkcs12.load(in, "changeit".toCharArray());
        }
        assertThat(pkcs12.isCertificateEntry("acs-emulator")).isTrue();
        assertThat(pkcs12.getCertificate("acs-emulator")).isEqualTo(material.certificateChain().get(0));
    }

    @Test
    void inMemoryTrustStoreHoldsTheCertificate() throws Exception {
        TlsMaterial material = loadOrCreate(List.of(), CLOCK);

        assertThat(material.trustStore().getCertificate("acs-emulator")).isEqualTo(material.certificateChain().get(0));
    }

    @Test
    void keyIsPrivateToItsOwnerAndTheRestIsWorldReadable() throws Exception {
        Assumptions.assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        loadOrCreate(List.of(), CLOCK);

        assertThat(permissions("emulator-key.pem")).isEqualTo("rw-------");
        assertThat(permissions("emulator-cert.pem")).isIn("rw-r--r--", "rw-------");
        assertThat(permissions("truststore.jks")).isIn("rw-r--r--", "rw-------");
        try (var files = Files.list(dataDir)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("emulator-cert.pem", "emulator-key.pem", "truststore.jks", "truststore.p12");
        }
    }

    @Test
    void userSuppliedPemCertificateAndKeyAreUsedAsIs() throws Exception {
        var generator = new SelfSignedCertificateGenerator(CLOCK);
        var leaf = generator.generate(List.of("user.example"));
        X509Certificate issuer = generator.generate(List.of()).certificate();
        Path userDir = Files.createDirectory(dataDir.resolve("user"));
        Path certPem = userDir.resolve("server-chain.pem");
        Path keyPem = userDir.resolve("server-key.pem");
        PemFiles.writeCertificates(certPem, List.of(leaf.certificate(), issuer));
        PemFiles.writePrivateKey(keyPem, leaf.privateKey());
        Path emulatorDir = dataDir.resolve("emulator");

        TlsMaterial material = TlsMaterial.loadOrCreate(emulatorDir, List.of("ignored.example"),
                Optional.of(certPem), Optional.of(keyPem), CLOCK);

        assertThat(material.certificateChain()).containsExactly(leaf.certificate(), issuer);
        assertThat(material.privateKey()).isEqualTo(leaf.privateKey());
        assertThat(material.certificatePemPath()).isEqualTo(certPem);
        assertThat(emulatorDir.resolve("emulator-cert.pem")).doesNotExist();
        assertThat(emulatorDir.resolve("emulator-key.pem")).doesNotExist();
        KeyStore trustStore = material.trustStore();
        assertThat(trustStore.getCertificate("acs-emulator")).isEqualTo(leaf.certificate());
        assertThat(trustStore.getCertificate("acs-emulator-1")).isEqualTo(issuer);
        assertThat(material.truststorePath()).isRegularFile();
    }

    @Test
    void userSuppliedKeyOfAnotherCertificateIsRejected() throws Exception {
        var generator = new SelfSignedCertificateGenerator(CLOCK);
        Path certPem = dataDir.resolve("cert.pem");
        Path keyPem = dataDir.resolve("key.pem");
        PemFiles.writeCertificates(certPem, List.of(generator.generate(List.of()).certificate()));
        PemFiles.writePrivateKey(keyPem, generator.generate(List.of()).privateKey());

        assertThatThrownBy(() -> TlsMaterial.loadOrCreate(dataDir, List.of(), Optional.of(certPem), Optional.of(keyPem), CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong");
    }

    @Test
    void aCertificateWithoutItsKeyIsRejected() {
        assertThatThrownBy(() -> TlsMaterial.loadOrCreate(dataDir, List.of(), Optional.of(dataDir.resolve("cert.pem")),
                Optional.empty(), CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private String permissions(String file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(file)));
    }
}
