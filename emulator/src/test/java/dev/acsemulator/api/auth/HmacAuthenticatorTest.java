package dev.acsemulator.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.acsemulator.api.ApiException;
import dev.acsemulator.http.HttpRequestMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The worked examples of sdk-wire-facts.md §4, signed by the real SDKs and recomputed there. */
class HmacAuthenticatorTest {

    private static final byte[] KEY = Base64.getDecoder().decode("UwVloYvMmG5OZpaOKCtxUV4yDfNE3IPRLx/8H8oA2Qs=");
    private static final byte[] OTHER_KEY = Base64.getDecoder()
            .decode("Y2FsbC1hdXRvbWF0aW9uLWVtdWxhdG9yLWtleS0wMDE=");
    private static final Duration SKEW = Duration.ofMinutes(15);

    private static final String JAVA_DATE = "Sun, 22 Nov 2026 00:33:38 GMT";
    private static final String JS_DATE = "Sun, 22 Nov 2026 00:33:52 GMT";
    private static final String JAVA_GET_DATE = "Sun, 22 Nov 2026 00:33:39 GMT";
    private static final String ANSWER_BODY = "{\"incomingCallContext\":\"eyJhbGciOiJub25lIn0.eyJjYyI6IkgzNHNJQUFBQUEifQ.\","
            + "\"callbackUri\":\"https://app.example/api/callbacks\"}";
    private static final String ANSWER_BODY_HASH = "aRhfXvdJWNgx3GKoJ8mAUTSCNgnkTLIsSDwG8lZFIFk=";
    private static final String EMPTY_BODY_HASH = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
    private static final String PARTICIPANT_PATH =
            "/calling/callConnections/411f0b00-aaaa-bbbb-cccc-000000000001/participants/";

    /** Authorization as sent: {@code HMAC-SHA256 SignedHeaders=...&Signature=...}. */
    private static String authorization(String signature) {
        return "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=" + signature;
    }

    private static HttpRequestMessage request(String method, String target, String host, String date, String body,
                                              String contentHash, String authorization) {
        Map<String, String> headers = new HashMap<>();
        headers.put("host", host);
        headers.put("x-ms-date", date);
        headers.put("x-ms-content-sha256", contentHash);
        if (authorization != null) {
            headers.put("authorization", authorization);
        }
        return new HttpRequestMessage(method, target, headers, body.getBytes(StandardCharsets.UTF_8), "https", 8443);
    }

    private static HttpRequestMessage javaAnswer() {
        return request("POST", "/calling/callConnections:answer?api-version=2023-03-06", "127.0.0.1", JAVA_DATE,
                ANSWER_BODY, ANSWER_BODY_HASH, authorization("PE4SmEjhS60OR2FoBH/gaB3p0CBX6AjwwglajBq+6BY="));
    }

    private static HttpRequestMessage jsAnswer() {
        return request("POST", "/calling/callConnections:answer?api-version=2026-03-12", "127.0.0.1:8080", JS_DATE,
                ANSWER_BODY, ANSWER_BODY_HASH, authorization("tgPHdK9/EF6pNjIV8jHQC85BDacjMtwSMHFU38nu06A="));
    }

    // The two GET signatures below were recomputed, by an independent Python HMAC, from the stringToSign of §4.
    private static HttpRequestMessage jsGetParticipant() {
        return request("GET", PARTICIPANT_PATH + "4%3A%2B14255550123?api-version=2026-03-12", "127.0.0.1:8080",
                JS_DATE, "", EMPTY_BODY_HASH, authorization("pVW3HuIZX7MZP9xOw4fMQtOrNq/wdeWVEKz7gAf/v64="));
    }

    private static HttpRequestMessage javaGetParticipant() {
        return request("GET", PARTICIPANT_PATH + "4:+14255550123?api-version=2023-03-06", "127.0.0.1",
                JAVA_GET_DATE, "", EMPTY_BODY_HASH, authorization("vKSv8fsCmUUoCFbEAzoM3/oXvXXEzsOzXdO1bzvhv1Q="));
    }

    private static HmacAuthenticator authenticatorAt(String date, byte[]... keys) {
        Instant at = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return new HmacAuthenticator(List.of(keys), Clock.fixed(at, ZoneOffset.UTC), SKEW);
    }

    private static void assertUnauthorized(HmacAuthenticator authenticator, HttpRequestMessage request) {
        assertThatThrownBy(() -> authenticator.authenticate(request))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("Denied");
                });
    }

    @Test
    void acceptsTheJavaAnswerSignedForAHostWithoutAPort() {
        assertThat(authenticatorAt(JAVA_DATE, KEY).authenticate(javaAnswer())).isEqualTo("hmac:key1");
    }

    @Test
    void acceptsTheJavaScriptAnswerSignedForAHostWithAPort() {
        assertThat(authenticatorAt(JS_DATE, KEY).authenticate(jsAnswer())).isEqualTo("hmac:key1");
    }

    @Test
    void acceptsTheJavaScriptGetWithAPercentEncodedRawId() {
        assertThat(authenticatorAt(JS_DATE, KEY).authenticate(jsGetParticipant())).isEqualTo("hmac:key1");
    }

    @Test
    void acceptsTheJavaGetWithARawColonAndPlusInThePath() {
        assertThat(authenticatorAt(JAVA_GET_DATE, KEY).authenticate(javaGetParticipant())).isEqualTo("hmac:key1");
    }

    @Test
    void checksTheSignatureAgainstTheTargetAsSentNotItsDecodedForm() {
        HttpRequestMessage signedEncodedSentRaw = request("GET", PARTICIPANT_PATH
                + "4:+14255550123?api-version=2026-03-12", "127.0.0.1:8080", JS_DATE, "", EMPTY_BODY_HASH,
                jsGetParticipant().header("authorization"));

        assertUnauthorized(authenticatorAt(JS_DATE, KEY), signedEncodedSentRaw);
    }

    @Test
    void theHostHeaderIsPartOfTheSignature() {
        HttpRequestMessage portAdded = request("POST", "/calling/callConnections:answer?api-version=2023-03-06",
                "127.0.0.1:8443", JAVA_DATE, ANSWER_BODY, ANSWER_BODY_HASH, javaAnswer().header("authorization"));

        assertUnauthorized(authenticatorAt(JAVA_DATE, KEY), portAdded);
    }

    @Test
    void theMethodIsPartOfTheSignature() {
        HttpRequestMessage asPut = request("PUT", "/calling/callConnections:answer?api-version=2023-03-06",
                "127.0.0.1", JAVA_DATE, ANSWER_BODY, ANSWER_BODY_HASH, javaAnswer().header("authorization"));

        assertUnauthorized(authenticatorAt(JAVA_DATE, KEY), asPut);
    }

    @Test
    void aBodyThatDoesNotMatchItsContentHashIs401() {
        HttpRequestMessage tampered = request("POST", "/calling/callConnections:answer?api-version=2023-03-06",
                "127.0.0.1", JAVA_DATE, ANSWER_BODY.replace("app.example", "evil.example"), ANSWER_BODY_HASH,
                javaAnswer().header("authorization"));

        assertThatThrownBy(() -> authenticatorAt(JAVA_DATE, KEY).authenticate(tampered))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).contains("x-ms-content-sha256");
                });
    }

    @Test
    void aContentHashHeaderThatIsNotTheBodysHashIs401EvenForAnEmptyBody() {
        HttpRequestMessage wrongHash = request("GET", PARTICIPANT_PATH + "4:+14255550123?api-version=2023-03-06",
                "127.0.0.1", JAVA_GET_DATE, "", ANSWER_BODY_HASH, javaGetParticipant().header("authorization"));

        assertUnauthorized(authenticatorAt(JAVA_GET_DATE, KEY), wrongHash);
    }

    @Test
    void aDateJustInsideTheSkewWindowIsAccepted() {
        HmacAuthenticator later = authenticatorAt("Sun, 22 Nov 2026 00:48:38 GMT", KEY);
        HmacAuthenticator earlier = authenticatorAt("Sun, 22 Nov 2026 00:18:38 GMT", KEY);

        assertThat(later.authenticate(javaAnswer())).isEqualTo("hmac:key1");
        assertThat(earlier.authenticate(javaAnswer())).isEqualTo("hmac:key1");
    }

    @Test
    void aDateOutsideTheSkewWindowIs401EitherWay() {
        assertUnauthorized(authenticatorAt("Sun, 22 Nov 2026 00:48:39 GMT", KEY), javaAnswer());
        assertUnauthorized(authenticatorAt("Sun, 22 Nov 2026 00:18:37 GMT", KEY), javaAnswer());
    }

    @Test
    void theSameSignedRequestMayComeAgainInsideTheWindow() {
        HmacAuthenticator authenticator = authenticatorAt(JAVA_DATE, KEY);

        assertThat(authenticator.authenticate(javaAnswer())).isEqualTo("hmac:key1");
        assertThat(authenticator.authenticate(javaAnswer())).isEqualTo("hmac:key1");
    }

    @Test
    void theSecondOfTwoKeysIsAccepted() {
        assertThat(authenticatorAt(JAVA_DATE, OTHER_KEY, KEY).authenticate(javaAnswer())).isEqualTo("hmac:key2");
    }

    @Test
    void aSignatureByNoConfiguredKeyIs401() {
        assertUnauthorized(authenticatorAt(JAVA_DATE, OTHER_KEY), javaAnswer());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "HMAC-SHA256",
            "HMAC-SHA256 ",
            "hmac-sha256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=PE4SmEjhS60OR2FoBH/gaB3p0CBX6AjwwglajBq+6BY=",
            "SharedKey PE4SmEjhS60OR2FoBH/gaB3p0CBX6AjwwglajBq+6BY=",
            "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256",
            "HMAC-SHA256 Signature=PE4SmEjhS60OR2FoBH/gaB3p0CBX6AjwwglajBq+6BY=",
            "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=",
            "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=!!not*base64!!",
            "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=PE4SmEjhS60OR2Fo",
            "HMAC-SHA256 SignedHeaders=host;x-ms-date;x-ms-content-sha256&Signature=PE4SmEjhS60OR2FoBH/gaB3p0CBX6AjwwglajBq+6BY=",
            "HMAC-SHA256 SignedHeaders=x-ms-date;host&Signature=PE4SmEjhS60OR2FoBH/gaB3p0CBX6AjwwglajBq+6BY=",
            "HMAC-SHA256 SignedHeaders=&Signature=PE4SmEjhS60OR2FoBH/gaB3p0CBX6AjwwglajBq+6BY=",
            "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=PE4SmEjhS60OR2FoBH/gaB3p0CBX6AjwwglajBq+6BY=&x=1",
            "HMAC-SHA256 &Signature=&SignedHeaders=",
            "Bearer eyJhbGciOiJub25lIn0.e30."
    })
    void aMalformedAuthorizationHeaderIs401AndNothingElse(String header) {
        HttpRequestMessage original = javaAnswer();
        Map<String, String> headers = new HashMap<>(original.headers());
        headers.put("authorization", header);

        assertUnauthorized(authenticatorAt(JAVA_DATE, KEY), new HttpRequestMessage(original.method(),
                original.rawTarget(), headers, original.body(), original.scheme(), original.localPort()));
    }

    @Test
    void aMissingAuthorizationHeaderIs401() {
        assertUnauthorized(authenticatorAt(JAVA_DATE, KEY), request("POST",
                "/calling/callConnections:answer?api-version=2023-03-06", "127.0.0.1", JAVA_DATE, ANSWER_BODY,
                ANSWER_BODY_HASH, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x-ms-date", "host", "x-ms-content-sha256"})
    void aMissingSignedHeaderIs401(String missing) {
        HttpRequestMessage original = javaAnswer();
        Map<String, String> headers = new HashMap<>(original.headers());
        headers.remove(missing);

        assertUnauthorized(authenticatorAt(JAVA_DATE, KEY), new HttpRequestMessage(original.method(),
                original.rawTarget(), headers, original.body(), original.scheme(), original.localPort()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-11-22T00:33:38Z", "Sun, 22 Nov 2026 00:33:38"})
    void anXMsDateThatIsNotRfc1123Is401(String date) {
        HttpRequestMessage original = javaAnswer();
        Map<String, String> headers = new HashMap<>(original.headers());
        headers.put("x-ms-date", date);

        assertUnauthorized(authenticatorAt(JAVA_DATE, KEY), new HttpRequestMessage(original.method(),
                original.rawTarget(), headers, original.body(), original.scheme(), original.localPort()));
    }
}
