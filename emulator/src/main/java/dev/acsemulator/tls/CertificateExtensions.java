package dev.acsemulator.tls;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;

/** The X.509 v3 extensions of the emulator's self-signed server certificate, encoded as the {@code [3] Extensions} field. */
final class CertificateExtensions {

    /** keyUsage bits 0 (digitalSignature), 2 (keyEncipherment) and 5 (keyCertSign); the two trailing zero bits are unused. */
    private static final byte[] KEY_USAGE_BITS = {(byte) 0b1010_0100};
    private static final int KEY_USAGE_UNUSED_BITS = 2;
    private static final int KEY_IDENTIFIER_TAG = 0;

    private CertificateExtensions() {
    }

    static byte[] forSelfSignedServer(RSAPublicKey publicKey, SubjectAltNames subjectAltNames) throws GeneralSecurityException {
        byte[] keyIdentifier = keyIdentifier(publicKey);
        return DerWriter.explicit(3, DerWriter.sequence(
                extension(Oids.BASIC_CONSTRAINTS, true, DerWriter.sequence(DerWriter.bool(true))),
                extension(Oids.KEY_USAGE, true, DerWriter.bitString(KEY_USAGE_BITS, KEY_USAGE_UNUSED_BITS)),
                extension(Oids.EXTENDED_KEY_USAGE, false, DerWriter.sequence(DerWriter.oid(Oids.SERVER_AUTH))),
                extension(Oids.SUBJECT_KEY_IDENTIFIER, false, DerWriter.octetString(keyIdentifier)),
                extension(Oids.AUTHORITY_KEY_IDENTIFIER, false,
                        DerWriter.sequence(DerWriter.implicitPrimitive(KEY_IDENTIFIER_TAG, keyIdentifier))),
                extension(Oids.SUBJECT_ALT_NAME, false, subjectAltNames.toExtensionValue())));
    }

    /** RFC 5280 section 4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits, which for RSA are {@code RSAPublicKey ::= SEQUENCE {n, e}}. */
    static byte[] keyIdentifier(RSAPublicKey publicKey) throws GeneralSecurityException {
        byte[] rsaPublicKey = DerWriter.sequence(
                DerWriter.integer(publicKey.getModulus()), DerWriter.integer(publicKey.getPublicExponent()));
        return MessageDigest.getInstance("SHA-1").digest(rsaPublicKey);
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        byte[] extnValue = DerWriter.octetString(value);
        return critical
                ? DerWriter.sequence(DerWriter.oid(oid), DerWriter.bool(true), extnValue)
                : DerWriter.sequence(DerWriter.oid(oid), extnValue);
    }
}
