package dev.acsemulator.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.api.ApiException;
import dev.acsemulator.http.HttpRequestMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Entra ID tokens through {@link CredentialAuthenticator}, which picks the scheme as the server does. */
class BearerAuthenticatorTest {

    private static final Instant NOW = Instant.parse("2026-11-22T00:33:38Z");
    private static final String AUDIENCE = "https://communication.azure.com";
    private static final String ISSUER = "https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/";
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final BearerAuthenticator bearer = new BearerAuthenticator(Set.of(AUDIENCE), CLOCK, new ObjectMapper());
    private final CredentialAuthenticator credentials = new CredentialAuthenticator(
            new HmacAuthenticator(List.of(new byte[32]), CLOCK, Duration.ofMinutes(15)), bearer);

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A well-formed JWT whose signature nobody checks (the emulator cannot reach Entra ID). */
    private static String token(String claims) {
        return base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}") + "." + base64Url(claims)
                + ".bm90LWEtcmVhbC1zaWduYXR1cmU";
    }

    private static String claims(String audience, long expiresAt) {
        return "{\"aud\":\"" + audience + "\",\"iss\":\"" + ISSUER + "\",\"exp\":" + expiresAt + ",\"iat\":"
                + (NOW.getEpochSecond() - 60)
                + ",\"oid\":\"00000000-0000-0000-0000-0000000000aa\",\"sub\":\"subject\"}";
    }

    private static HttpRequestMessage withAuthorization(String authorization) {
        Map<String, String> headers = new HashMap<>();
        headers.put("host", "127.0.0.1:8443");
        if (authorization != null) {
            headers.put("authorization", authorization);
        }
        return new HttpRequestMessage("GET", "/calling/callConnections/abc?api-version=2026-03-12", headers,
                new byte[0], "https", 8443);
    }

    private void assertUnauthorized(String authorization) {
        assertThatThrownBy(() -> credentials.authenticate(withAuthorization(authorization)))
                .as(authorization)
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("Denied");
                });
    }

    @Test
    void aWellFormedUnexpiredTokenForTheAcsAudienceIsAccepted() {
        String token = token(claims(AUDIENCE, NOW.getEpochSecond() + 3600));

        assertThat(credentials.authenticate(withAuthorization("Bearer " + token)))
                .isEqualTo("bearer:00000000-0000-0000-0000-0000000000aa");
    }

    @Test
    void theAudienceMayEndInASlashOrBeOneOfSeveral() {
        long exp = NOW.getEpochSecond() + 3600;

        assertThat(credentials.authenticate(withAuthorization("Bearer " + token(claims(AUDIENCE + "/", exp)))))
                .startsWith("bearer:");
        assertThat(credentials.authenticate(withAuthorization("Bearer " + token(
                "{\"aud\":[\"api://other\",\"" + AUDIENCE + "\"],\"iss\":\"" + ISSUER + "\",\"exp\":" + exp + "}"))))
                .isEqualTo("bearer:unknown");
    }

    @Test
    void theSchemeNameIsCaseInsensitive() {
        String token = token(claims(AUDIENCE, NOW.getEpochSecond() + 3600));

        assertThat(credentials.authenticate(withAuthorization("bearer " + token))).startsWith("bearer:");
    }

    @Test
    void withoutAnOidThePrincipalIsTheSubject() {
        String token = token("{\"aud\":\"" + AUDIENCE + "\",\"iss\":\"" + ISSUER + "\",\"exp\":"
                + (NOW.getEpochSecond() + 60) + ",\"sub\":\"the-subject\"}");

        assertThat(credentials.authenticate(withAuthorization("Bearer " + token))).isEqualTo("bearer:the-subject");
    }

    @Test
    void anExpiredTokenIs401() {
        assertUnauthorized("Bearer " + token(claims(AUDIENCE, NOW.getEpochSecond() - 1)));
        assertUnauthorized("Bearer " + token(claims(AUDIENCE, NOW.getEpochSecond())));
    }

    @Test
    void aTokenWithoutANumericExpiryIs401() {
        assertUnauthorized("Bearer " + token("{\"aud\":\"" + AUDIENCE + "\"}"));
        assertUnauthorized("Bearer " + token("{\"aud\":\"" + AUDIENCE + "\",\"exp\":\"tomorrow\"}"));
    }

    @Test
    void aTokenNotValidForAnotherFiveMinutesIs401() {
        long exp = NOW.getEpochSecond() + 3600;
        String soon = "{\"aud\":\"" + AUDIENCE + "\",\"iss\":\"" + ISSUER + "\",\"exp\":" + exp + ",\"nbf\":"
                + (NOW.getEpochSecond() + 300) + "}";
        String later = "{\"aud\":\"" + AUDIENCE + "\",\"iss\":\"" + ISSUER + "\",\"exp\":" + exp + ",\"nbf\":"
                + (NOW.getEpochSecond() + 301) + "}";

        assertThat(credentials.authenticate(withAuthorization("Bearer " + token(soon)))).startsWith("bearer:");
        assertUnauthorized("Bearer " + token(later));
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        long exp = NOW.getEpochSecond() + 3600;

        assertUnauthorized("Bearer " + token(claims("https://management.azure.com", exp)));
        assertUnauthorized("Bearer " + token(claims("https://communication.azure.com/.default", exp)));
        assertUnauthorized("Bearer " + token("{\"exp\":" + exp + "}"));
        assertUnauthorized("Bearer " + token("{\"aud\":[],\"exp\":" + exp + "}"));
    }

    private static String withHeader(String header, String claims, String signature) {
        return base64Url(header) + "." + base64Url(claims) + "." + signature;
    }

    @Test
    void anUnsignedTokenIs401WhateverItsClaims() {
        String claims = claims(AUDIENCE, NOW.getEpochSecond() + 3600);

        assertUnauthorized("Bearer " + withHeader("{\"alg\":\"none\",\"typ\":\"JWT\"}", claims, ""));
        assertUnauthorized("Bearer " + withHeader("{\"alg\":\"none\",\"typ\":\"JWT\"}", claims, "c2ln"));
        assertUnauthorized("Bearer " + withHeader("{\"alg\":\"None\",\"typ\":\"JWT\"}", claims, "c2ln"));
        assertUnauthorized("Bearer " + withHeader("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", claims, ""));
    }

    @Test
    void aTokenSignedWithASharedSecretIsNotAnEntraTokenAndIs401() {
        assertUnauthorized("Bearer " + withHeader("{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
                claims(AUDIENCE, NOW.getEpochSecond() + 3600), "c2ln"));
    }

    @Test
    void onlyEntraIdIssuersAreAccepted() {
        long exp = NOW.getEpochSecond() + 3600;
        String v2 = "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0";

        assertThat(credentials.authenticate(withAuthorization("Bearer " + token("{\"aud\":\"" + AUDIENCE
                + "\",\"iss\":\"" + v2 + "\",\"exp\":" + exp + ",\"sub\":\"s\"}")))).isEqualTo("bearer:s");
        assertUnauthorized("Bearer " + token("{\"aud\":\"" + AUDIENCE + "\",\"exp\":" + exp + "}"));
        assertUnauthorized("Bearer " + token("{\"aud\":\"" + AUDIENCE + "\",\"iss\":\"https://evil.example/"
                + "72f988bf-86f1-41af-91ab-2d7cd011db47/\",\"exp\":" + exp + "}"));
    }

    @Test
    void aTokenWhoseHeaderHasNoAlgIs401() {
        String claims = base64Url(claims(AUDIENCE, NOW.getEpochSecond() + 3600));

        assertUnauthorized("Bearer " + base64Url("{\"typ\":\"JWT\"}") + "." + claims + ".sig");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Bearer ",
            "Bearer not-a-jwt",
            "Bearer a.b",
            "Bearer a.b.c.d",
            "Bearer .e30.",
            "Bearer e30..",
            "Bearer !!!.@@@.###",
            "Bearer eyJhbGciOiJub25lIn0.bm90IGpzb24.",
            "Bearer eyJhbGciOiJub25lIn0.WzEsMl0.",
            "Bearer eyJhbGciOiJub25lIn0.bnVsbA.",
            "Bearer eyJhbGciOiJub25lIn0.e30.sig"
    })
    void aBearerValueThatIsNotAValidJwtIs401(String authorization) {
        assertUnauthorized(authorization);
    }

    @Test
    void noAuthorizationHeaderIs401() {
        assertUnauthorized(null);
    }

    @Test
    void anythingThatIsNotBearerGoesToHmacAndIsRefusedThere() {
        assertUnauthorized("Bearer");
        assertUnauthorized("Basic dXNlcjpwYXNz");
    }
}
