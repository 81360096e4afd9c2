package dev.acsemulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import dev.acsemulator.junit5.CallbackReceiver;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Repeatability, api-version negotiation, the callback JWT, and delivery retries. */
class ProtocolAcceptanceTest extends ConformanceTest {

    private static final String TARGET = "{\"targets\":[{\"rawId\":\"%s\",\"communicationUser\":{\"id\":\"%s\"}}],"
            + "\"callbackUri\":\"%s\"}";

    private HttpResponse<String> createWithRepeatability(String body, String requestId, String firstSent) {
        return http.send("POST", "/calling/callConnections?api-version=2023-03-06", body,
                List.of("Repeatability-Request-ID", requestId, "Repeatability-First-Sent", firstSent));
    }

    @Test
    void aRepeatedRequestReplaysTheFirstResponseAndCreatesOneCall() {
        String target = person();
        String body = String.format(TARGET, target, target, receiver.url(newCallbackPath()));
        String requestId = UUID.randomUUID().toString();
        String firstSent = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        HttpResponse<String> first = createWithRepeatability(body, requestId, firstSent);
        HttpResponse<String> again = createWithRepeatability(body, requestId, firstSent);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(json(again).path("callConnectionId").asText())
                .isEqualTo(json(first).path("callConnectionId").asText());
        assertThat(first.headers().firstValue("Repeatability-Result")).hasValue("accepted");
    }

    @Test
    void malformedRepeatabilityHeadersAre400AndAStaleFirstSentIs412() {
        String target = person();
        String body = String.format(TARGET, target, target, receiver.url(newCallbackPath()));
        String now = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        String old = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(6));
        assertThat(createWithRepeatability(body, "not-a-uuid", now).statusCode()).isEqualTo(400);
        assertThat(createWithRepeatability(body, UUID.randomUUID().toString(), "yesterday").statusCode())
                .isEqualTo(400);
        HttpResponse<String> stale = createWithRepeatability(body, UUID.randomUUID().toString(), old);
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("Repeatability-Result")).hasValue("rejected");
    }

    @Test
    void everyKnownApiVersionIsServedAndAnUnknownWellFormedOneFallsBackToTheNewest() throws Exception {
        JsonNode table = MAPPER.readTree(getClass().getResourceAsStream("/openapi/api-versions.json"));
        List<String> versions = table.path("versions").findValuesAsText("version");
        assertThat(versions).contains("2023-03-06", "2023-10-15", "2024-04-15", "2024-09-15", "2025-05-15",
                "2025-06-15", "2026-03-12");
        for (String version : versions) {
            HttpResponse<String> response = http.send("GET",
                    "/calling/callConnections/00000000-0000-0000-0000-000000000003?api-version=" + version, null);
            assertThat(response.statusCode()).as(version).isEqualTo(404);
        }
        assertThat(http.send("GET", "/calling/callConnections/x?api-version=2099-01-01", null).statusCode())
                .isEqualTo(404);
        assertThat(http.send("GET", "/calling/callConnections/x?api-version=banana", null).statusCode())
                .isEqualTo(400);
    }

    @Test
    void callbacksCarryAFiveMinuteRs256JwtThatVerifiesWithThePublishedKeys() throws Exception {
        PersonCall call = connectedCallToPerson();
        String authorization = receiver.received(call.callbackPath()).get(0).header("Authorization");
        assertThat(authorization).startsWith("Bearer ");
        String[] token = authorization.substring(7).split("\\.");
        JsonNode header = MAPPER.readTree(Base64.getUrlDecoder().decode(token[0]));
        JsonNode claims = MAPPER.readTree(Base64.getUrlDecoder().decode(token[1]));
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(claims.path("aud").asText()).isEqualTo(EmulatorUnderTest.emulator().config().resourceId());
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(300);

        HttpClient plain = HttpClient.newBuilder().sslContext(EmulatorUnderTest.emulator().tls().clientSslContext())
                .build();
        String base = EmulatorUnderTest.emulator().httpsEndpoint();
        JsonNode configuration = MAPPER.readTree(plain.send(HttpRequest.newBuilder(
                URI.create(base + "calling/.well-known/acsopenidconfiguration")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(configuration.path("issuer").asText()).isEqualTo(claims.path("iss").asText());
        JsonNode keys = MAPPER.readTree(plain.send(HttpRequest.newBuilder(URI.create(
                configuration.path("jwks_uri").asText())).build(), HttpResponse.BodyHandlers.ofString()).body());
        JsonNode key = keys.path("keys").get(0);
        assertThat(key.path("kid").asText()).isEqualTo(header.path("kid").asText());
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asText())),
                new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asText()))));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update((token[0] + "." + token[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(token[2]))).isTrue();
    }

    @Test
    void aFailingWebhookIsRetriedAndLaterEventsWaitTheirTurn() {
        CallbackReceiver webhook = receiver;
        String path = newCallbackPath();
        webhook.answerNext(path, 503, 500);
        String target = person();
        createCallRaw("2026-03-12", target, path);
        List<String> types = webhook.awaitEventTypes(path, t -> t.contains("ParticipantsUpdated"));
        assertThat(types).containsExactly("CallConnected", "CallConnected", "CallConnected", "ParticipantsUpdated");
        assertThat(EmulatorUnderTest.emulator().deliveryJournal().forCall(
                webhook.received(path).get(0).json().get(0).path("data").path("serverCallId").asText()))
                .extracting(attempt -> attempt.outcome().wireName())
                .containsExactly("retrying", "retrying", "delivered", "delivered");
    }

    private HttpResponse<String> getWithBearer(String claimsJson) throws Exception {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String token = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + url.encodeToString(claimsJson.replaceFirst("\\{", "{\"iss\":\"https://sts.windows.net/"
                        + "72f988bf-86f1-41af-91ab-2d7cd011db47/\",").getBytes(StandardCharsets.UTF_8))
                + "." + url.encodeToString(new byte[16]);
        HttpClient plain = HttpClient.newBuilder().sslContext(EmulatorUnderTest.emulator().tls().clientSslContext())
                .build();
        return plain.send(HttpRequest.newBuilder(URI.create(EmulatorUnderTest.emulator().httpsEndpoint()
                        + "calling/callConnections/00000000-0000-0000-0000-000000000005?api-version=2026-03-12"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anEntraBearerTokenForTheAcsAudienceIsAcceptedAndAnExpiredOneIs401() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        assertThat(getWithBearer("{\"aud\":\"https://communication.azure.com\",\"exp\":" + (now + 600) + "}")
                .statusCode()).isEqualTo(404);
        assertThat(getWithBearer("{\"aud\":\"https://communication.azure.com\",\"exp\":" + (now - 600) + "}")
                .statusCode()).isEqualTo(401);
        assertThat(getWithBearer("{\"aud\":\"https://storage.azure.com\",\"exp\":" + (now + 600) + "}")
                .statusCode()).isEqualTo(401);
    }

    @Test
    void theSecondaryAccessKeyIsAcceptedToo() {
        byte[] secondary = Base64.getDecoder().decode(EmulatorUnderTest.emulator().config().accessKeys().get(1));
        assertThat(http.send("GET", "/calling/callConnections/x?api-version=2026-03-12", null, secondary)
                .statusCode()).isEqualTo(404);
    }
}
