package dev.acsemulator.api.auth;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Optional;

/**
 * The asymmetric JWS algorithms of RFC 7518 section 3 that Entra ID's keys sign with (RSA; PSS and EC for completeness), each
 * verified with the JDK's own {@link Signature}: ECDSA in the JWS's fixed-length r‖s form (IEEE P1363), not DER.
 */
public enum JwsAlgorithm {
    RS256("SHA256withRSA", "RSA", null, 0),
    RS384("SHA384withRSA", "RSA", null, 0),
    RS512("SHA512withRSA", "RSA", null, 0),
    PS256("RSASSA-PSS", "RSA", pss("SHA-256", MGF1ParameterSpec.SHA256, 32), 0),
    PS384("RSASSA-PSS", "RSA", pss("SHA-384", MGF1ParameterSpec.SHA384, 48), 0),
    PS512("RSASSA-PSS", "RSA", pss("SHA-512", MGF1ParameterSpec.SHA512, 64), 0),
    ES256("SHA256withECDSAinP1363Format", "EC", null, 256),
    ES384("SHA384withECDSAinP1363Format", "EC", null, 384),
    ES512("SHA512withECDSAinP1363Format", "EC", null, 521);

    private final String jdkName;
    private final String keyType;
    private final AlgorithmParameterSpec parameters;
    private final int curveBits;

    JwsAlgorithm(String jdkName, String keyType, AlgorithmParameterSpec parameters, int curveBits) {
        this.jdkName = jdkName;
        this.keyType = keyType;
        this.parameters = parameters;
        this.curveBits = curveBits;
    }

    private static PSSParameterSpec pss(String digest, MGF1ParameterSpec mgf, int saltLength) {
        return new PSSParameterSpec(digest, "MGF1", mgf, saltLength, PSSParameterSpec.TRAILER_FIELD_BC);
    }

    /** The algorithm a JOSE header's {@code alg} names, if it is one of these. */
    public static Optional<JwsAlgorithm> named(String alg) {
        return Arrays.stream(values()).filter(algorithm -> algorithm.name().equals(alg)).findFirst();
    }

    /** Whether the key is of this algorithm's kind: RSA for RS and PS, EC on the algorithm's own curve for ES. */
    public boolean fits(PublicKey key) {
        if (!keyType.equals(key.getAlgorithm())) {
            return false;
        }
        return curveBits == 0
                || key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == curveBits;
    }

    /** Whether the signature over the signing input ({@code header.payload}) was made with the key's private half. */
    public boolean verifies(PublicKey key, byte[] signingInput, byte[] signature) {
        if (!fits(key)) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(jdkName);
            if (parameters != null) {
                verifier.setParameter(parameters);
            }
            verifier.initVerify(key);
            verifier.update(signingInput);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
