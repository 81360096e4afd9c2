package dev.acsemulator.tls;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Creates the RSA-2048 key and self-signed X.509 v3 certificate the emulator serves HTTPS with. */
public final class SelfSignedCertificateGenerator {

    public static final String COMMON_NAME = "ACS Call Automation Emulator";
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(3650);

    private static final int KEY_SIZE_BITS = 2048;
    private static final int SERIAL_BITS = 120;
    private static final Duration BACKDATING = Duration.ofDays(1);

    private final Clock clock;
    private final SecureRandom random;
    private final Duration validity;

    public SelfSignedCertificateGenerator(Clock clock) {
        this(clock, new SecureRandom(), DEFAULT_VALIDITY);
    }

    public SelfSignedCertificateGenerator(Clock clock, SecureRandom random, Duration validity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("Certificate validity must be positive, got " + validity);
        }
        this.validity = validity;
    }

    public record SelfSignedCertificate(X509Certificate certificate, PrivateKey privateKey) {
    }

    /** Loopback names (127.0.0.1, ::1, localhost) are always included; IP literals among the extras become iPAddress entries. */
    public SelfSignedCertificate generate(List<String> extraSubjectAltNames) throws GeneralSecurityException {
        return generate(SubjectAltNames.loopbackPlus(extraSubjectAltNames));
    }

    SelfSignedCertificate generate(SubjectAltNames subjectAltNames) throws GeneralSecurityException {
        KeyPairGenerator keyPairGenerator = KeyPairGenerator.getInstance("RSA");
        keyPairGenerator.initialize(KEY_SIZE_BITS, random);
        KeyPair keyPair = keyPairGenerator.generateKeyPair();

        Instant now = clock.instant();
        byte[] signatureAlgorithm = DerWriter.sequence(DerWriter.oid(Oids.SHA256_WITH_RSA), DerWriter.nullValue());
        byte[] name = DerWriter.sequence(DerWriter.set(
                DerWriter.sequence(DerWriter.oid(Oids.COMMON_NAME), DerWriter.utf8String(COMMON_NAME))));
        byte[] tbsCertificate = DerWriter.sequence(
                DerWriter.explicit(0, DerWriter.integer(2)),
                DerWriter.integer(serialNumber()),
                signatureAlgorithm,
                name,
                DerWriter.sequence(DerWriter.time(now.minus(BACKDATING)), DerWriter.time(now.plus(validity))),
                name,
                keyPair.getPublic().getEncoded(),
                CertificateExtensions.forSelfSignedServer((RSAPublicKey) keyPair.getPublic(), subjectAltNames));

        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keyPair.getPrivate(), random);
        signer.update(tbsCertificate);
        byte[] certificate = DerWriter.sequence(tbsCertificate, signatureAlgorithm, DerWriter.bitString(signer.sign()));

        X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate));
        return new SelfSignedCertificate(parsed, keyPair.getPrivate());
    }

    /** Positive, and with its top bit forced so it always has the full width (at most 20 octets per RFC 5280). */
    private BigInteger serialNumber() {
        return new BigInteger(SERIAL_BITS, random).setBit(SERIAL_BITS - 1);
    }
}
