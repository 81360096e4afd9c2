package dev.acsemulator.delivery.auth;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test-side reading of compact JWS and flat JSON, independent of the production encoder. */
final class Jwt {

    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    final String header;
    final String claims;
    final byte[] signingInput;
    final byte[] signature;

    private Jwt(String header, String claims, byte[] signingInput, byte[] signature) {
        this.header = header;
        this.claims = claims;
        this.signingInput = signingInput;
        this.signature = signature;
    }

    static Jwt parse(String compact) {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a compact JWS: " + compact);
        }
        for (String part : parts) {
            if (part.contains("=")) {
                throw new IllegalArgumentException("Padded base64url in " + compact);
            }
        }
        return new Jwt(
                new String(BASE64URL.decode(parts[0]), StandardCharsets.UTF_8),
                new String(BASE64URL.decode(parts[1]), StandardCharsets.UTF_8),
                (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
                BASE64URL.decode(parts[2]));
    }

    boolean verifiesWith(PublicKey publicKey) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(signingInput);
        return verifier.verify(signature);
    }

    /** The raw JSON value (string still quoted and escaped) of {@code member} in a flat object. */
    static String rawMember(String json, String member) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(member) + "\":(\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+|\\[[^\\]]*\\])")
                .matcher(json);
        if (!matcher.find()) {
            throw new AssertionError("No member '" + member + "' in " + json);
        }
        return matcher.group(1);
    }

    static String stringMember(String json, String member) {
        String raw = rawMember(json, member);
        return raw.substring(1, raw.length() - 1);
    }

    static long numberMember(String json, String member) {
        return Long.parseLong(rawMember(json, member));
    }

    static PublicKey publicKeyFromJwks(String jwks) throws Exception {
        BigInteger modulus = new BigInteger(1, BASE64URL.decode(stringMember(jwks, "n")));
        BigInteger exponent = new BigInteger(1, BASE64URL.decode(stringMember(jwks, "e")));
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
    }
}
