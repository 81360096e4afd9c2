package dev.acsemulator.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An RFC 7517 JSON Web Key Set: the signing keys of a token issuer by their {@code kid}, built with
 * {@code java.security} alone (RSA from {@code n}/{@code e}, EC from {@code crv}/{@code x}/{@code y}). Keys that are
 * not for signatures ({@code use} other than {@code sig}), have no {@code kid} or are of another type ({@code oct},
 * {@code OKP}) are left out; a set with no usable key, or a malformed RSA or EC key, is refused with the reason.
 */
public final class JsonWebKeySet {

    /** A key and, when the set names one, the only algorithm it may be used with (RFC 7517 section 4.4). */
    public record SigningKey(String keyId, PublicKey key, Optional<String> algorithm) {
    }

    private static final Map<String, String> CURVES = Map.of("P-256", "secp256r1", "P-384", "secp384r1",
            "P-521", "secp521r1");

    private final Map<String, SigningKey> byKeyId;

    private JsonWebKeySet(Map<String, SigningKey> byKeyId) {
        this.byKeyId = Map.copyOf(byKeyId);
    }

    /** Reads a key set; {@link IllegalArgumentException} says what is wrong with it. */
    public static JsonWebKeySet parse(byte[] json, ObjectMapper mapper) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("the JWKS is not JSON");
        }
        if (root == null || !root.path("keys").isArray()) {
            throw new IllegalArgumentException("the JWKS has no \"keys\" array");
        }
        Map<String, SigningKey> keys = new LinkedHashMap<>();
        for (JsonNode jwk : root.path("keys")) {
            String keyId = jwk.path("kid").asText("");
            String use = jwk.path("use").asText("sig");
            String type = jwk.path("kty").asText("");
            if (keyId.isEmpty() || !use.equals("sig") || !(type.equals("RSA") || type.equals("EC"))) {
                continue;
            }
            PublicKey key = type.equals("RSA") ? rsa(jwk, keyId) : ec(jwk, keyId);
            Optional<String> algorithm = jwk.path("alg").isTextual() ? Optional.of(jwk.path("alg").asText())
                    : Optional.empty();
            keys.put(keyId, new SigningKey(keyId, key, algorithm));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("the JWKS has no RSA or EC signing key with a kid");
        }
        return new JsonWebKeySet(keys);
    }

    public Optional<SigningKey> key(String keyId) {
        return Optional.ofNullable(byKeyId.get(keyId));
    }

    public int size() {
        return byKeyId.size();
    }

    private static PublicKey rsa(JsonNode jwk, String keyId) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                    unsigned(jwk, "n", keyId), unsigned(jwk, "e", keyId)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the JWKS key " + keyId + " is not an RSA public key: "
                    + e.getMessage());
        }
    }

    private static PublicKey ec(JsonNode jwk, String keyId) {
        String curve = CURVES.get(jwk.path("crv").asText(""));
        if (curve == null) {
            throw new IllegalArgumentException("the JWKS key " + keyId + " has crv " + jwk.path("crv")
                    + "; P-256, P-384 and P-521 are supported");
        }
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(curve));
            ECPoint point = new ECPoint(unsigned(jwk, "x", keyId), unsigned(jwk, "y", keyId));
            return KeyFactory.getInstance("EC").generatePublic(
                    new ECPublicKeySpec(point, parameters.getParameterSpec(ECParameterSpec.class)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the JWKS key " + keyId + " is not an EC public key: "
                    + e.getMessage());
        }
    }

    /** RFC 7518 section 6: base64url of the unsigned big-endian integer. */
    private static BigInteger unsigned(JsonNode jwk, String member, String keyId) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(jwk.path(member).asText(""));
            if (bytes.length == 0) {
                throw new IllegalArgumentException("empty");
            }
            return new BigInteger(1, bytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the JWKS key " + keyId + " has no base64url \"" + member + "\"");
        }
    }
}
