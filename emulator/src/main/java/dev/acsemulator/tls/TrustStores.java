package dev.acsemulator.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

/** Trusted-certificate-only key stores that Java clients point {@code javax.net.ssl.trustStore} at. */
final class TrustStores {

    static final String JKS_FILE = "truststore.jks";
    static final String PKCS12_FILE = "truststore.p12";
    static final String PASSWORD = "changeit";
    static final String ALIAS = "acs-emulator";

    private TrustStores() {
    }

    /** The leaf is stored under {@value #ALIAS}; further chain certificates under {@code acs-emulator-1}, {@code -2}, ... */
    static KeyStore create(String type, List<X509Certificate> chain) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        for (int i = 0; i < chain.size(); i++) {
            store.setCertificateEntry(i == 0 ? ALIAS : ALIAS + "-" + i, chain.get(i));
        }
        return store;
    }

    static void export(Path file, String type, List<X509Certificate> chain) throws GeneralSecurityException, IOException {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        create(type, chain).store(encoded, PASSWORD.toCharArray());
        AtomicFiles.write(file, encoded.toByteArray(), AtomicFiles.Access.WORLD_READABLE);
    }
}
