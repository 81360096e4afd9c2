package dev.acsemulator.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The self-signed identity kept in the data directory: reused while it is sound, regenerated otherwise. */
final class GeneratedIdentity {

    static final String CERTIFICATE_FILE = "emulator-cert.pem";
    static final String KEY_FILE = "emulator-key.pem";

    private static final Logger LOG = LoggerFactory.getLogger(GeneratedIdentity.class);

    private GeneratedIdentity() {
    }

    static ServerIdentity loadOrGenerate(Path dataDir, SubjectAltNames required, Clock clock)
            throws IOException, GeneralSecurityException {
        Path certificateFile = dataDir.resolve(CERTIFICATE_FILE);
        Path keyFile = dataDir.resolve(KEY_FILE);
        String reasonToRegenerate;
        if (!Files.isRegularFile(certificateFile) || !Files.isRegularFile(keyFile)) {
            reasonToRegenerate = "no certificate and key were stored yet";
        } else {
            try {
                ServerIdentity stored = new ServerIdentity(
                        PemFiles.readCertificates(certificateFile), PemFiles.readPrivateKey(keyFile), certificateFile);
                Optional<String> defect = defect(stored, required, clock);
                if (defect.isEmpty()) {
                    LOG.info("Reusing TLS certificate {} valid until {}", certificateFile, stored.leaf().getNotAfter().toInstant());
                    return stored;
                }
                reasonToRegenerate = defect.get();
            } catch (IOException | GeneralSecurityException | IllegalArgumentException unreadable) {
                reasonToRegenerate = "the stored files are unreadable: " + unreadable.getMessage();
            }
        }

        SelfSignedCertificateGenerator.SelfSignedCertificate generated =
                new SelfSignedCertificateGenerator(clock).generate(required);
        PemFiles.writePrivateKey(keyFile, generated.privateKey());
        PemFiles.writeCertificates(certificateFile, List.of(generated.certificate()));
        LOG.info("Generated TLS certificate {} for {} valid until {} because {}", certificateFile, required,
                generated.certificate().getNotAfter().toInstant(), reasonToRegenerate);
        return new ServerIdentity(List.of(generated.certificate()), generated.privateKey(), certificateFile);
    }

    private static Optional<String> defect(ServerIdentity stored, SubjectAltNames required, Clock clock)
            throws CertificateException {
        try {
            stored.leaf().checkValidity(Date.from(clock.instant()));
        } catch (CertificateException outsideValidity) {
            return Optional.of("the stored certificate is not valid now: " + outsideValidity.getMessage());
        }
        SubjectAltNames covered = SubjectAltNames.of(stored.leaf());
        if (!covered.containsAll(required)) {
            return Optional.of("the stored certificate covers only " + covered);
        }
        if (!KeyPairs.belongTogether(stored.leaf().getPublicKey(), stored.privateKey())) {
            return Optional.of("the stored key does not match the stored certificate");
        }
        return Optional.empty();
    }
}
