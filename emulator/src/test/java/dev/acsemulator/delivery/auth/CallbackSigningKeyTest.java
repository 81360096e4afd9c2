package dev.acsemulator.delivery.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.acsemulator.tls.PemFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallbackSigningKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void keyFileIsCreatedOnceAndReusedAcrossLoadOrCreateCalls() throws Exception {
        CallbackSigningKey first = CallbackSigningKey.loadOrCreate(dataDir);
        byte[] stored = Files.readAllBytes(dataDir.resolve("callback-signing-key.pem"));

        CallbackSigningKey second = CallbackSigningKey.loadOrCreate(dataDir);

        assertThat(second.privateKey()).isEqualTo(first.privateKey());
        assertThat(second.publicKey()).isEqualTo(first.publicKey());
        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(Files.readAllBytes(dataDir.resolve("callback-signing-key.pem"))).isEqualTo(stored);
        assertThat(new String(stored, StandardCharsets.US_ASCII)).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void aMissingDataDirectoryIsCreated() throws Exception {
        Path nested = dataDir.resolve("a/b");

        CallbackSigningKey.loadOrCreate(nested);

        assertThat(nested.resolve("callback-signing-key.pem")).isRegularFile();
    }

    @Test
    void keyIsRsa2048() throws Exception {
        CallbackSigningKey key = CallbackSigningKey.loadOrCreate(dataDir);

        assertThat(key.publicKey().getModulus().bitLength()).isEqualTo(2048);
        assertThat(key.publicKey().getModulus()).isEqualTo(key.privateKey().getModulus());
    }

    @Test
    void keyIdIsBase64UrlOfTheFirst16BytesOfTheSha256OfThePublicKey() throws Exception {
        CallbackSigningKey key = CallbackSigningKey.loadOrCreate(dataDir);

        byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.publicKey().getEncoded());
        assertThat(key.keyId())
                .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)))
                .hasSize(22);
    }

    @Test
    void keyFileIsReadableByItsOwnerOnly() throws Exception {
        Assumptions.assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"));

        CallbackSigningKey.loadOrCreate(dataDir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("callback-signing-key.pem"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aNonRsaKeyFileIsRejectedRatherThanReplaced() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        PemFiles.writePrivateKey(dataDir.resolve("callback-signing-key.pem"), ec.generateKeyPair().getPrivate());

        assertThatThrownBy(() -> CallbackSigningKey.loadOrCreate(dataDir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("RSA");
    }
}
