package dev.acsemulator.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.api.ApiException;
import dev.acsemulator.api.auth.TestIdentityProvider.SigningKey;
import dev.acsemulator.http.HttpRequestMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With {@code --bearer-jwks}, a bearer token's signature is verified with the configured key its kid names. */
class BearerJwksVerificationTest {

    private static final Instant NOW = Instant.parse("2026-11-22T00:33:38Z");
    private static final String CLAIMS = "{\"aud\":\"https://communication.azure.com\",\"iss\":"
            + "\"https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/\",\"exp\":"
            + (NOW.getEpochSecond() + 3600) + ",\"oid\":\"00000000-0000-0000-0000-0000000000aa\"}";
    private static final SigningKey RSA = SigningKey.rsa("rsa-1", "RS256");
    private static final SigningKey PSS = SigningKey.rsa("rsa-pss", "PS256");
    private static final SigningKey EC = SigningKey.ec("ec-1", "secp256r1", "ES256");
    private static final String PRINCIPAL = "bearer:00000000-0000-0000-0000-0000000000aa";
    private static final SigningKey STRANGER = SigningKey.rsa("rsa-1", "RS256");

    @TempDir
    Path directory;
    private JwksSource source;

    @AfterEach
    void close() {
        if (source != null) {
            source.close();
        }
    }

    private BearerAuthenticator verifyingWith(String jwks) throws IOException {
        Path file = Files.writeString(directory.resolve("jwks.json"), jwks);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        source = JwksSource.open(file.toString(), clock, new ObjectMapper());
        return new BearerAuthenticator(Set.of("https://communication.azure.com"), clock, new ObjectMapper(),
                new JwksSignatures(source));
    }

    private static HttpRequestMessage bearing(String token) {
        return new HttpRequestMessage("GET", "/calling/callConnections/abc?api-version=2026-03-12",
                Map.of("host", "127.0.0.1:8443", "authorization", "Bearer " + token), new byte[0], "https", 8443);
    }

    private static void assertRefused(BearerAuthenticator bearer, String token, String reason) {
        assertThatThrownBy(() -> bearer.authenticate(bearing(token)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("Denied");
                    assertThat(e.getMessage()).contains(reason);
                });
    }

    @Test
    void tokensSignedWithTheConfiguredRsaPssAndEcKeysAreAccepted() throws IOException {
        BearerAuthenticator bearer = verifyingWith(TestIdentityProvider.jwks(RSA, PSS, EC));

        assertThat(bearer.authenticate(bearing(RSA.token(CLAIMS)))).isEqualTo(PRINCIPAL);
        assertThat(bearer.authenticate(bearing(PSS.token(CLAIMS)))).isEqualTo(PRINCIPAL);
        assertThat(bearer.authenticate(bearing(EC.token(CLAIMS)))).isEqualTo(PRINCIPAL);
    }

    @Test
    void aKeyWithoutAlgInTheSetAcceptsTheAlgorithmsOfItsType() throws IOException {
        BearerAuthenticator bearer = verifyingWith("{\"keys\":[" + RSA.jwk(false) + "]}");

        assertThat(bearer.authenticate(bearing(RSA.token(CLAIMS)))).startsWith("bearer:");
    }

    @Test
    void aTokenSignedByAnotherKeyWithTheSameKidIs401() throws IOException {
        BearerAuthenticator bearer = verifyingWith(TestIdentityProvider.jwks(RSA));

        assertRefused(bearer, STRANGER.token(CLAIMS), "signature does not verify");
    }

    @Test
    void aTokenWhoseClaimsWereChangedAfterSigningIs401() throws IOException {
        BearerAuthenticator bearer = verifyingWith(TestIdentityProvider.jwks(RSA));
        String[] parts = RSA.token(CLAIMS).split("\\.");
        String forged = parts[0] + "." + TestIdentityProvider.base64Url(
                CLAIMS.replace("0000000000aa", "0000000000bb").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertRefused(bearer, forged, "signature does not verify");
    }

    @Test
    void aTokenNamingAKidTheSetLacksIs401() throws IOException {
        BearerAuthenticator bearer = verifyingWith(TestIdentityProvider.jwks(EC));

        assertRefused(bearer, RSA.token(CLAIMS), "not in the configured JWKS");
    }

    @Test
    void aTokenWithoutAKidIs401() throws IOException {
        BearerAuthenticator bearer = verifyingWith(TestIdentityProvider.jwks(RSA));
        String token = RSA.token(CLAIMS);
        String header = TestIdentityProvider.base64Url(
                "{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

        assertRefused(bearer, header + token.substring(token.indexOf('.')), "no kid");
    }

    @Test
    void aTokenWhoseAlgIsNotItsKeysIs401() throws IOException {
        BearerAuthenticator bearer = verifyingWith(TestIdentityProvider.jwks(RSA, EC));

        assertRefused(bearer, SigningKey.rsa("rsa-1", "RS256").token("ES256", CLAIMS), "not the algorithm");
        assertRefused(bearer, new SigningKey("ec-1", EC.pair(), "ES256").token("ES384", CLAIMS), "not the algorithm");
    }

    @Test
    void anRsaKeyWithoutAlgStillRefusesAnEcAlgorithm() throws IOException {
        BearerAuthenticator bearer = verifyingWith("{\"keys\":[" + RSA.jwk(false) + "]}");

        assertRefused(bearer, RSA.token("ES256", CLAIMS), "not the algorithm");
    }

    @Test
    void symmetricAndNoneAlgorithmsAreStill401BeforeAnyKeyIsLookedUp() throws IOException {
        BearerAuthenticator bearer = verifyingWith(TestIdentityProvider.jwks(RSA));
        String token = RSA.token(CLAIMS);
        String payloadAndSignature = token.substring(token.indexOf('.'));

        for (String alg : new String[] {"HS256", "none", "EdDSA"}) {
            String header = TestIdentityProvider.base64Url(("{\"alg\":\"" + alg + "\",\"kid\":\"rsa-1\"}")
                    .getBytes(StandardCharsets.UTF_8));
            assertRefused(bearer, header + payloadAndSignature, "not signed with an algorithm Entra ID uses");
        }
    }

    @Test
    void aVerifiedSignatureDoesNotExcuseAnExpiredToken() throws IOException {
        BearerAuthenticator bearer = verifyingWith(TestIdentityProvider.jwks(RSA));

        assertRefused(bearer, RSA.token(CLAIMS.replace(String.valueOf(NOW.getEpochSecond() + 3600),
                String.valueOf(NOW.getEpochSecond() - 1))), "expired");
    }
}
