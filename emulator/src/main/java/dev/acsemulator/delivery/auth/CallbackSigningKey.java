package dev.acsemulator.delivery.auth;

import dev.acsemulator.tls.PemFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The RSA key callback tokens are signed with, kept in the data directory so published keys survive restarts. */
public final class CallbackSigningKey {

    public static final String KEY_FILE = "callback-signing-key.pem";

    private static final int KEY_SIZE_BITS = 2048;
    private static final int KEY_ID_BYTES = 16;
    private static final Logger LOG = LoggerFactory.getLogger(CallbackSigningKey.class);

    private final RSAPrivateCrtKey privateKey;
    private final RSAPublicKey publicKey;
    private final String keyId;

    CallbackSigningKey(RSAPrivateCrtKey privateKey) throws GeneralSecurityException {
        this.privateKey = privateKey;
        this.publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
        this.keyId = Base64Url.encodeToString(Arrays.copyOf(digest, KEY_ID_BYTES));
    }

    public static CallbackSigningKey loadOrCreate(Path dataDir) throws IOException, GeneralSecurityException {
        Path keyFile = dataDir.resolve(KEY_FILE);
        if (Files.isRegularFile(keyFile)) {
            PrivateKey stored = PemFiles.readPrivateKey(keyFile);
            if (!(stored instanceof RSAPrivateCrtKey rsaKey)) {
                throw new IOException("The callback signing key " + keyFile
                        + " must be an RSA key with CRT parameters; delete it to have a new one generated");
            }
            CallbackSigningKey key = new CallbackSigningKey(rsaKey);
            LOG.info("Loaded callback signing key {} from {}", key.keyId(), keyFile);
            return key;
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(KEY_SIZE_BITS);
        CallbackSigningKey key = new CallbackSigningKey((RSAPrivateCrtKey) generator.generateKeyPair().getPrivate());
        Files.createDirectories(dataDir);
        PemFiles.writePrivateKey(keyFile, key.privateKey());
        LOG.info("Created callback signing key {} in {}", key.keyId(), keyFile);
        return key;
    }

    public RSAPrivateCrtKey privateKey() {
        return privateKey;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    /** base64url (unpadded) of the first 16 bytes of SHA-256 over the public key's X.509 DER encoding. */
    public String keyId() {
        return keyId;
    }

    /** Length in bytes of every RS256 signature made with this key. */
    int signatureLength() {
        return (publicKey.getModulus().bitLength() + 7) / 8;
    }
}
