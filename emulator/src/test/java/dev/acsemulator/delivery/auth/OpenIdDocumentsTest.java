package dev.acsemulator.delivery.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenIdDocumentsTest {

    @TempDir
    Path dataDir;

    @Test
    void jwksPublishesTheSigningKeyAsAnRs256Jwk() throws Exception {
        CallbackSigningKey key = CallbackSigningKey.loadOrCreate(dataDir);

        String jwks = OpenIdDocuments.jwksJson(key);

        assertThat(jwks).startsWith("{\"keys\":[{").endsWith("}]}");
        assertThat(Jwt.stringMember(jwks, "kty")).isEqualTo("RSA");
        assertThat(Jwt.stringMember(jwks, "use")).isEqualTo("sig");
        assertThat(Jwt.stringMember(jwks, "alg")).isEqualTo("RS256");
        assertThat(Jwt.stringMember(jwks, "kid")).isEqualTo(key.keyId());
        assertThat(Jwt.stringMember(jwks, "e")).isEqualTo("AQAB");
        RSAPublicKey rebuilt = (RSAPublicKey) Jwt.publicKeyFromJwks(jwks);
        assertThat(rebuilt).isEqualTo(key.publicKey());
    }

    @Test
    void jwksModulusIsUnsignedWithoutALeadingZeroOctet() throws Exception {
        CallbackSigningKey key = CallbackSigningKey.loadOrCreate(dataDir);

        byte[] modulus = Base64.getUrlDecoder().decode(Jwt.stringMember(OpenIdDocuments.jwksJson(key), "n"));

        assertThat(modulus).hasSize(256);
        assertThat(modulus[0]).isNotZero();
        assertThat(Jwt.stringMember(OpenIdDocuments.jwksJson(key), "n")).doesNotContain("=", "+", "/");
    }

    @Test
    void openIdConfigurationPointsAtTheIssuerAndKeySet() {
        String json = OpenIdDocuments.openIdConfigurationJson(
                "https://acscallautomation.communication.azure.com", "https://localhost:8443/calling/keys");

        assertThat(json).isEqualTo("{\"issuer\":\"https://acscallautomation.communication.azure.com\""
                + ",\"jwks_uri\":\"https://localhost:8443/calling/keys\""
                + ",\"id_token_signing_alg_values_supported\":[\"RS256\"]"
                + ",\"response_types_supported\":[\"id_token\"]"
                + ",\"subject_types_supported\":[\"public\"]}");
    }

    @Test
    void wellKnownPathsMatchTheService() {
        assertThat(OpenIdDocuments.OPENID_CONFIGURATION_PATH).isEqualTo("/calling/.well-known/acsopenidconfiguration");
        assertThat(OpenIdDocuments.JWKS_PATH).isEqualTo("/calling/keys");
    }
}
