package dev.acsemulator.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes PEM certificates ("CERTIFICATE") and unencrypted PKCS#8 private keys ("PRIVATE KEY"). */
public final class PemFiles {

    private static final String CERTIFICATE = "CERTIFICATE";
    private static final String PKCS8_PRIVATE_KEY = "PRIVATE KEY";
    private static final String PKCS1_RSA_PRIVATE_KEY = "RSA PRIVATE KEY";
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC");
    private static final String CONVERSION_HINT =
            "convert it to unencrypted PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in <key.pem> -out <key-pkcs8.pem>";

    private PemFiles() {
    }

    public static void writeCertificates(Path file, List<X509Certificate> chain) throws IOException, CertificateEncodingException {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : chain) {
            pem.append(Pem.encode(CERTIFICATE, certificate.getEncoded()));
        }
        AtomicFiles.write(file, pem.toString().getBytes(StandardCharsets.US_ASCII), AtomicFiles.Access.WORLD_READABLE);
    }

    /** The file is readable and writable by its owner only where the file system has POSIX permissions. */
    public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("Expected a PKCS#8 encodable private key, got format " + key.getFormat());
        }
        AtomicFiles.write(file, Pem.encode(PKCS8_PRIVATE_KEY, key.getEncoded()).getBytes(StandardCharsets.US_ASCII),
                AtomicFiles.Access.OWNER_ONLY);
    }

    /** Every certificate in the file, in file order (leaf first for a chain). */
    public static List<X509Certificate> readCertificates(Path file) throws IOException, CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> certificates = new ArrayList<>();
        for (Pem.Block block : blocks(file, "expected PEM '-----BEGIN CERTIFICATE-----' blocks")) {
            if (CERTIFICATE.equals(block.type())) {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
            }
        }
        if (certificates.isEmpty()) {
            throw new IOException("No '-----BEGIN CERTIFICATE-----' block in " + file);
        }
        return List.copyOf(certificates);
    }

    /** Accepts an RSA or EC key in PKCS#8, and an RSA key in PKCS#1 ("BEGIN RSA PRIVATE KEY"), which is rewrapped as PKCS#8. */
    public static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        for (Pem.Block block : blocks(file, CONVERSION_HINT)) {
            switch (block.type()) {
                case PKCS8_PRIVATE_KEY -> {
                    return decodePkcs8(file, block.der());
                }
                case PKCS1_RSA_PRIVATE_KEY -> {
                    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(wrapPkcs1InPkcs8(block.der())));
                }
                case "ENCRYPTED PRIVATE KEY", "EC PRIVATE KEY" ->
                        throw new IOException("Unsupported '" + block.type() + "' in " + file + "; " + CONVERSION_HINT);
                default -> {
                }
            }
        }
        throw new IOException("No '-----BEGIN PRIVATE KEY-----' block in " + file + "; " + CONVERSION_HINT);
    }

    private static PrivateKey decodePkcs8(Path file, byte[] der) throws GeneralSecurityException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException notThisAlgorithm) {
                // try the next supported algorithm
            }
        }
        throw new InvalidKeySpecException("The private key in " + file + " is neither RSA nor EC");
    }

    /** {@code PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier { rsaEncryption, NULL }, OCTET STRING RSAPrivateKey }}. */
    static byte[] wrapPkcs1InPkcs8(byte[] rsaPrivateKey) {
        return DerWriter.sequence(
                DerWriter.integer(BigInteger.ZERO),
                DerWriter.sequence(DerWriter.oid(Oids.RSA_ENCRYPTION), DerWriter.nullValue()),
                DerWriter.octetString(rsaPrivateKey));
    }

    private static List<Pem.Block> blocks(Path file, String hint) throws IOException {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        try {
            return Pem.decode(text);
        } catch (IllegalArgumentException malformed) {
            throw new IOException("Cannot read PEM file " + file + ": " + malformed.getMessage() + "; " + hint, malformed);
        }
    }
}
