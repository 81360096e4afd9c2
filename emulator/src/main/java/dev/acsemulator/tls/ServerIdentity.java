package dev.acsemulator.tls;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** What the HTTPS server presents: the chain (leaf first), its private key, and the PEM file users can trust. */
record ServerIdentity(List<X509Certificate> chain, PrivateKey privateKey, Path certificatePem) {

    ServerIdentity {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("A certificate chain needs at least one certificate");
        }
    }

    X509Certificate leaf() {
        return chain.get(0);
    }
}
