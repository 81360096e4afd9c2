package dev.acsemulator.api.auth;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A local identity provider for tests: key pairs made here, their JWKS, and JWTs signed with their private halves. */
final class TestIdentityProvider {

    /** One signing key: its kid, its pair and the JWS algorithm it signs with. */
    record SigningKey(String keyId, KeyPair pair, String algorithm) {

        static SigningKey rsa(String keyId, String algorithm) {
            return new SigningKey(keyId, generate("RSA", null), algorithm);
        }

        static SigningKey ec(String keyId, String curve, String algorithm) {
            return new SigningKey(keyId, generate("EC", new ECGenParameterSpec(curve)), algorithm);
        }

        /** Its RFC 7517 public JWK, with {@code alg} when {@code withAlg}. */
        String jwk(boolean withAlg) {
            String alg = withAlg ? ",\"alg\":\"" + algorithm + "\"" : "";
            if (pair.getPublic() instanceof RSAPublicKey rsa) {
                return "{\"kty\":\"RSA\",\"use\":\"sig\",\"kid\":\"" + keyId + "\"" + alg + ",\"n\":\""
                        + base64Url(unsigned(rsa.getModulus(), 0)) + "\",\"e\":\""
                        + base64Url(unsigned(rsa.getPublicExponent(), 0)) + "\"}";
            }
            ECPublicKey ec = (ECPublicKey) pair.getPublic();
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            int size = (bits + 7) / 8;
            return "{\"kty\":\"EC\",\"use\":\"sig\",\"kid\":\"" + keyId + "\"" + alg + ",\"crv\":\"P-" + bits
                    + "\",\"x\":\"" + base64Url(unsigned(ec.getW().getAffineX(), size)) + "\",\"y\":\""
                    + base64Url(unsigned(ec.getW().getAffineY(), size)) + "\"}";
        }

        /** A JWT with these claims, signed by this key, its header naming {@code headerAlg} and this kid. */
        String token(String headerAlg, String claims) {
            String signingInput = base64Url(("{\"alg\":\"" + headerAlg + "\",\"typ\":\"JWT\",\"kid\":\"" + keyId
                    + "\"}").getBytes(StandardCharsets.UTF_8)) + "."
                    + base64Url(claims.getBytes(StandardCharsets.UTF_8));
            return signingInput + "." + base64Url(sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
        }

        String token(String claims) {
            return token(algorithm, claims);
        }

        private byte[] sign(byte[] input) {
            try {
                Signature signer = switch (algorithm) {
                    case "RS256" -> Signature.getInstance("SHA256withRSA");
                    case "PS256" -> {
                        Signature pss = Signature.getInstance("RSASSA-PSS");
                        pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                        yield pss;
                    }
                    case "ES256" -> Signature.getInstance("SHA256withECDSAinP1363Format");
                    case "ES384" -> Signature.getInstance("SHA384withECDSAinP1363Format");
                    default -> throw new IllegalArgumentException(algorithm);
                };
                signer.initSign(pair.getPrivate());
                signer.update(input);
                return signer.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private TestIdentityProvider() {
    }

    /** The key set publishing these keys' public halves, with their {@code alg}. */
    static String jwks(SigningKey... keys) {
        return "{\"keys\":[" + Stream.of(keys).map(key -> key.jwk(true)).collect(Collectors.joining(",")) + "]}";
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair generate(String type, ECGenParameterSpec curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
            if (curve == null) {
                generator.initialize(2048);
            } else {
                generator.initialize(curve);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Big-endian without the sign byte, left-padded to {@code size} octets when one is given (EC coordinates). */
    private static byte[] unsigned(BigInteger value, int size) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (size > bytes.length) {
            byte[] padded = new byte[size];
            System.arraycopy(bytes, 0, padded, size - bytes.length, bytes.length);
            return padded;
        }
        return bytes;
    }
}
