package dev.acsemulator.delivery.auth;

import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

/** The discovery documents a webhook receiver fetches to validate callback tokens. */
public final class OpenIdDocuments {

    public static final String OPENID_CONFIGURATION_PATH = "/calling/.well-known/acsopenidconfiguration";
    public static final String JWKS_PATH = "/calling/keys";

    private OpenIdDocuments() {
    }

    /** RFC 7517 key set with the single RS256 signing key. */
    public static String jwksJson(CallbackSigningKey key) {
        RSAPublicKey publicKey = key.publicKey();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\""
                + ",\"kid\":" + JsonStrings.quoted(key.keyId())
                + ",\"n\":\"" + Base64Url.encodeToString(unsignedBigEndian(publicKey.getModulus())) + "\""
                + ",\"e\":\"" + Base64Url.encodeToString(unsignedBigEndian(publicKey.getPublicExponent())) + "\""
                + "}]}";
    }

    public static String openIdConfigurationJson(String issuer, String jwksUri) {
        return "{\"issuer\":" + JsonStrings.quoted(issuer)
                + ",\"jwks_uri\":" + JsonStrings.quoted(jwksUri)
                + ",\"id_token_signing_alg_values_supported\":[\"RS256\"]"
                + ",\"response_types_supported\":[\"id_token\"]"
                + ",\"subject_types_supported\":[\"public\"]}";
    }

    /** RFC 7518 section 6.3.1: minimal octets, so the sign byte BigInteger may add is dropped. */
    private static byte[] unsignedBigEndian(BigInteger value) {
        byte[] signed = value.toByteArray();
        return signed.length > 1 && signed[0] == 0 ? Arrays.copyOfRange(signed, 1, signed.length) : signed;
    }
}
