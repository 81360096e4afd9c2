package dev.acsemulator.tls;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's HTTPS identity and the files clients need to trust it.
 *
 * <p>Java clients: {@code -Djavax.net.ssl.trustStore=<truststorePath()> -Djavax.net.ssl.trustStorePassword=changeit}.
 * Node clients: {@code NODE_EXTRA_CA_CERTS=<certificatePemPath()>}.
 */
public final class TlsMaterial {

    public static final String CERTIFICATE_FILE = GeneratedIdentity.CERTIFICATE_FILE;
    public static final String KEY_FILE = GeneratedIdentity.KEY_FILE;
    public static final String JKS_TRUSTSTORE_FILE = TrustStores.JKS_FILE;
    public static final String PKCS12_TRUSTSTORE_FILE = TrustStores.PKCS12_FILE;
    public static final String TRUSTSTORE_PASSWORD = TrustStores.PASSWORD;
    public static final String TRUSTSTORE_ALIAS = TrustStores.ALIAS;

    private static final Logger LOG = LoggerFactory.getLogger(TlsMaterial.class);

    private final ServerIdentity identity;
    private final Path truststorePath;
    private final Path pkcs12TruststorePath;
    private final SSLContext clientSslContext;
    private final SslContext nettyServerSslContext;

    private TlsMaterial(ServerIdentity identity, Path truststorePath, Path pkcs12TruststorePath)
            throws GeneralSecurityException, IOException {
        this.identity = identity;
        this.truststorePath = truststorePath;
        this.pkcs12TruststorePath = pkcs12TruststorePath;
        this.clientSslContext = buildClientSslContext(trustStore());
        this.nettyServerSslContext = SslContextBuilder
                .forServer(identity.privateKey(), identity.chain().toArray(X509Certificate[]::new))
                .sslProvider(SslProvider.JDK)
                .protocols("TLSv1.3", "TLSv1.2")
                .build();
    }

    /**
     * Uses the user's certificate (which may hold a whole chain) and key when both are given; otherwise reuses or
     * regenerates the self-signed pair in {@code dataDir}. Either way the trust stores in {@code dataDir} are rewritten.
     */
    public static TlsMaterial loadOrCreate(Path dataDir, List<String> extraSubjectAltNames, Optional<Path> userCertPem,
            Optional<Path> userKeyPem, Clock clock) throws IOException, GeneralSecurityException {
        if (userCertPem.isPresent() != userKeyPem.isPresent()) {
            throw new IllegalArgumentException("Give both a TLS certificate and its private key, or neither");
        }
        Files.createDirectories(dataDir);
        ServerIdentity identity = userCertPem.isPresent()
                ? userSupplied(userCertPem.get(), userKeyPem.get())
                : GeneratedIdentity.loadOrGenerate(dataDir, SubjectAltNames.loopbackPlus(extraSubjectAltNames), clock);

        Path jks = dataDir.resolve(JKS_TRUSTSTORE_FILE);
        Path pkcs12 = dataDir.resolve(PKCS12_TRUSTSTORE_FILE);
        TrustStores.export(jks, "JKS", identity.chain());
        TrustStores.export(pkcs12, "PKCS12", identity.chain());
        LOG.info("Exported trust stores {} and {} (password {}) for certificate {}", jks, pkcs12, TRUSTSTORE_PASSWORD,
                identity.certificatePem());
        return new TlsMaterial(identity, jks, pkcs12);
    }

    private static ServerIdentity userSupplied(Path certificatePem, Path keyPem) throws IOException, GeneralSecurityException {
        ServerIdentity identity = new ServerIdentity(
                PemFiles.readCertificates(certificatePem), PemFiles.readPrivateKey(keyPem), certificatePem);
        if (!KeyPairs.belongTogether(identity.leaf().getPublicKey(), identity.privateKey())) {
            throw new IllegalArgumentException("The private key " + keyPem
                    + " does not belong to the first certificate in " + certificatePem);
        }
        LOG.info("Using user-supplied TLS certificate {} for {} valid until {}", certificatePem,
                identity.leaf().getSubjectX500Principal().getName(), identity.leaf().getNotAfter().toInstant());
        return identity;
    }

    private static SSLContext buildClientSslContext(KeyStore trustStore) throws GeneralSecurityException {
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        return context;
    }

    /** Leaf first. */
    public List<X509Certificate> certificateChain() {
        return identity.chain();
    }

    public PrivateKey privateKey() {
        return identity.privateKey();
    }

    /** The PEM to trust: the generated {@value #CERTIFICATE_FILE} in the data directory, or the user's own file. */
    public Path certificatePemPath() {
        return identity.certificatePem();
    }

    /** The JKS trust store. */
    public Path truststorePath() {
        return truststorePath;
    }

    public Path pkcs12TruststorePath() {
        return pkcs12TruststorePath;
    }

    public String truststorePassword() {
        return TRUSTSTORE_PASSWORD;
    }

    /** A fresh in-memory JKS store with the same trusted entries as the exported files. */
    public KeyStore trustStore() {
        try {
            return TrustStores.create("JKS", identity.chain());
        } catch (GeneralSecurityException | IOException impossibleForAnInMemoryStore) {
            throw new IllegalStateException("Cannot build the in-memory trust store", impossibleForAnInMemoryStore);
        }
    }

    /** Trusts exactly this certificate chain; hostname verification is left to the caller's defaults. */
    public SSLContext clientSslContext() {
        return clientSslContext;
    }

    /** TLSv1.3 and TLSv1.2 on the JDK provider, without ALPN: the emulator speaks HTTP/1.1 only. */
    public SslContext nettyServerSslContext() {
        return nettyServerSslContext;
    }
}
