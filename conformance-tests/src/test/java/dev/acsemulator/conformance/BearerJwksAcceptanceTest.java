package dev.acsemulator.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.Emulator;
import dev.acsemulator.config.EmulatorConfig;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --bearer-jwks}: an emulator started with a local identity provider's key set verifies bearer tokens'
 * signatures (DEVIATIONS 3). The Java SDK 1.0.4 signs with HMAC or asks Entra ID for a token, so the tokens are made
 * here and sent as raw HTTP.
 */
class BearerJwksAcceptanceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    @TempDir
    static Path directory;
    private static KeyPair identityProviderKey;
    private static Emulator emulator;
    private static HttpClient client;

    @BeforeAll
    static void startWithTheIdentityProvidersKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        identityProviderKey = generator.generateKeyPair();
        RSAPublicKey publicKey = (RSAPublicKey) identityProviderKey.getPublic();
        Path jwks = Files.writeString(directory.resolve("jwks.json"), "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\","
                + "\"alg\":\"RS256\",\"kid\":\"test-idp-1\",\"n\":\""
                + URL.encodeToString(octets(publicKey.getModulus())) + "\",\"e\":\""
                + URL.encodeToString(octets(publicKey.getPublicExponent())) + "\"}]}");
        emulator = Emulator.start(EmulatorConfig.builder().httpsPort(0).httpPort(-1)
                .dataDir(EmulatorUnderTest.emulator().config().dataDir())
                .options("--bearer-jwks=" + jwks).build());
        client = HttpClient.newBuilder().sslContext(emulator.tls().clientSslContext()).build();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    /** RFC 7518 section 6.3.1: the unsigned big-endian octets. */
    private static byte[] octets(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    /** An Entra-shaped token for the ACS audience, RS256-signed with {@code key} and naming the configured kid. */
    private static String token(KeyPair key) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String signingInput = URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"test-idp-1\"}"
                .getBytes(StandardCharsets.UTF_8)) + "." + URL.encodeToString(("{\"aud\":\"https://communication"
                + ".azure.com\",\"iss\":\"https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/\",\"exp\":"
                + (now + 600) + ",\"oid\":\"00000000-0000-0000-0000-00000000b0b0\"}").getBytes(StandardCharsets.UTF_8));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key.getPrivate());
        signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + URL.encodeToString(signer.sign());
    }

    private static HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(emulator.httpsEndpoint() + path.substring(1)))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTokenSignedByTheConfiguredKeyCreatesACallAndOneSignedByAnotherKeyIs401() throws Exception {
        String valid = token(identityProviderKey);
        HttpResponse<String> created = send(valid, "POST", "/calling/callConnections?api-version=2026-03-12",
                "{\"targets\":[{\"rawId\":\"8:acs:" + emulator.config().resourceId() + "_jwks-callee\","
                        + "\"communicationUser\":{\"id\":\"8:acs:" + emulator.config().resourceId()
                        + "_jwks-callee\"}}],\"callbackUri\":\"https://127.0.0.1:9/jwks\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String callConnectionId = MAPPER.readTree(created.body()).path("callConnectionId").asText();
        String callPath = "/calling/callConnections/" + callConnectionId + "?api-version=2026-03-12";

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        HttpResponse<String> forged = send(token(generator.generateKeyPair()), "GET", callPath, null);

        assertThat(forged.statusCode()).isEqualTo(401);
        JsonNode error = MAPPER.readTree(forged.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("Denied");
        assertThat(error.path("message").asText()).contains("signature does not verify");
        assertThat(send(valid, "GET", callPath, null).statusCode())
                .as("the call is still there for the valid token").isEqualTo(200);
    }
}
