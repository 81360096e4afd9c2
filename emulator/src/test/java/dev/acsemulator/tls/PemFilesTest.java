package dev.acsemulator.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemFilesTest {

    @TempDir
    Path dir;

    @Test
    void certificateChainRoundTripsInFileOrder() throws Exception {
        var generator = new SelfSignedCertificateGenerator(Clock.systemUTC());
        X509Certificate first = generator.generate(List.of()).certificate();
        X509Certificate second = generator.generate(List.of()).certificate();
        Path file = dir.resolve("chain.pem");

        PemFiles.writeCertificates(file, List.of(first, second));

        assertThat(Files.readString(file)).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        assertThat(PemFiles.readCertificates(file)).containsExactly(first, second);
    }

    @Test
    void textAroundCertificateBlocksIsIgnored() throws Exception {
        X509Certificate certificate = new SelfSignedCertificateGenerator(Clock.systemUTC()).generate(List.of()).certificate();
        Path file = dir.resolve("annotated.pem");
        Files.writeString(file, "subject=CN = ACS Call Automation Emulator\r\nissuer=…\r\n"
                + Pem.encode("CERTIFICATE", certificate.getEncoded()).replace("\n", "\r\n") + "trailing notes\n");

        assertThat(PemFiles.readCertificates(file)).containsExactly(certificate);
    }

    @Test
    void fileWithoutCertificatesIsRejected() throws Exception {
        Path file = dir.resolve("empty.pem");
        Files.writeString(file, "nothing here\n");

        assertThatThrownBy(() -> PemFiles.readCertificates(file)).isInstanceOf(IOException.class).hasMessageContaining("CERTIFICATE");
    }

    @Test
    void rsaAndEcPkcs8KeysRoundTrip() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));

        for (PrivateKey key : List.of(rsa.generateKeyPair().getPrivate(), ec.generateKeyPair().getPrivate())) {
            Path file = dir.resolve(key.getAlgorithm() + ".pem");
            PemFiles.writePrivateKey(file, key);

            assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----\n");
            assertThat(PemFiles.readPrivateKey(file)).isEqualTo(key);
        }
    }

    @Test
    void privateKeyFileIsReadableByItsOwnerOnly() throws Exception {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        Path file = dir.resolve("key.pem");

        PemFiles.writePrivateKey(file, rsa.generateKeyPair().getPrivate());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var leftovers = Files.list(dir)) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void pkcs1RsaKeyIsRewrappedAsPkcs8() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generateKeyPair().getPrivate();
        byte[] pkcs1 = DerWriter.sequence(
                DerWriter.integer(0),
                DerWriter.integer(key.getModulus()),
                DerWriter.integer(key.getPublicExponent()),
                DerWriter.integer(key.getPrivateExponent()),
                DerWriter.integer(key.getPrimeP()),
                DerWriter.integer(key.getPrimeQ()),
                DerWriter.integer(key.getPrimeExponentP()),
                DerWriter.integer(key.getPrimeExponentQ()),
                DerWriter.integer(key.getCrtCoefficient()));
        Path file = dir.resolve("rsa-pkcs1.pem");
        Files.writeString(file, Pem.encode("RSA PRIVATE KEY", pkcs1));

        assertThat(PemFiles.readPrivateKey(file)).isEqualTo(key);
    }

    @Test
    void encryptedAndSec1KeysAreRejectedWithTheOpensslConversionCommand() throws Exception {
        Path encrypted = dir.resolve("encrypted.pem");
        Files.writeString(encrypted, Pem.encode("ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3}));
        Path legacyEncrypted = dir.resolve("legacy.pem");
        Files.writeString(legacyEncrypted, "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        Path sec1 = dir.resolve("sec1.pem");
        Files.writeString(sec1, Pem.encode("EC PRIVATE KEY", new byte[] {1, 2, 3}));

        for (Path file : List.of(encrypted, legacyEncrypted, sec1)) {
            assertThatThrownBy(() -> PemFiles.readPrivateKey(file))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
        }
    }
}
