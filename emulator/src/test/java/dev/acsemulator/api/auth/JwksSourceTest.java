package dev.acsemulator.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.acsemulator.api.auth.TestIdentityProvider.SigningKey;
import dev.acsemulator.testing.SettableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the JWKS of {@code --bearer-jwks} comes from: a file read at start, or a URL fetched at start and again. */
class JwksSourceTest {

    private static final Instant START = Instant.parse("2026-11-22T00:00:00Z");
    private static final SigningKey FIRST = SigningKey.rsa("first", "RS256");
    private static final SigningKey ROTATED = SigningKey.ec("rotated", "secp256r1", "ES256");

    @TempDir
    Path directory;
    private final SettableClock clock = new SettableClock(START);
    private final AtomicReference<String> published = new AtomicReference<>(TestIdentityProvider.jwks(FIRST));
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer identityProvider;
    private JwksSource source;

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
        if (identityProvider != null) {
            identityProvider.stop(0);
        }
    }

    private String serveKeys() throws IOException {
        identityProvider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        identityProvider.createContext("/discovery/keys", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        identityProvider.start();
        return "http://127.0.0.1:" + identityProvider.getAddress().getPort() + "/discovery/keys";
    }

    @Test
    void aFileIsReadAtStart() throws IOException {
        Path file = Files.writeString(directory.resolve("jwks.json"), TestIdentityProvider.jwks(FIRST, ROTATED));

        source = JwksSource.open(file.toString(), clock, new ObjectMapper());

        assertThat(source.keys().key("first")).isPresent();
        assertThat(source.keys().key("rotated")).isPresent();
        assertThat(source.refreshForUnknownKey()).as("a file is not fetched again").isFalse();
    }

    @Test
    void aUrlIsFetchedAtStart() throws IOException {
        source = JwksSource.open(serveKeys(), clock, new ObjectMapper());

        assertThat(source.keys().key("first")).isPresent();
        assertThat(fetches).hasValue(1);
    }

    @Test
    void anUnknownKidRefreshesTheUrlAtMostOnceAMinute() throws IOException {
        source = JwksSource.open(serveKeys(), clock, new ObjectMapper());
        published.set(TestIdentityProvider.jwks(FIRST, ROTATED));

        assertThat(source.refreshForUnknownKey()).as("within a minute of the start's fetch").isFalse();
        clock.set(START.plus(JwksSource.REFRESH_INTERVAL));
        assertThat(source.refreshForUnknownKey()).isTrue();
        assertThat(source.refreshForUnknownKey()).as("again within the minute").isFalse();

        await().atMost(Duration.ofSeconds(10)).until(() -> source.keys().key("rotated").isPresent());
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aFailedRefreshKeepsTheKeysHeld() throws IOException {
        source = JwksSource.open(serveKeys(), clock, new ObjectMapper());
        published.set("{\"keys\":[]}");
        clock.set(START.plus(JwksSource.REFRESH_INTERVAL));

        assertThat(source.refreshForUnknownKey()).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> fetches.get() == 2);
        assertThat(source.keys().key("first")).as("the held set after a refused refresh").isPresent();
    }

    @Test
    void anUnusableKeySetStopsTheStartWithTheReason() throws IOException {
        Path missing = directory.resolve("missing.json");
        Path notJson = Files.writeString(directory.resolve("bad.json"), "not json");
        Path noKeys = Files.writeString(directory.resolve("empty.json"),
                "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"s\"}]}");
        Path badRsa = Files.writeString(directory.resolve("rsa.json"), "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"r\"}]}");
        Path badCurve = Files.writeString(directory.resolve("ec.json"),
                "{\"keys\":[{\"kty\":\"EC\",\"kid\":\"e\",\"crv\":\"secp256k1\",\"x\":\"AQ\",\"y\":\"AQ\"}]}");

        assertThatThrownBy(() -> JwksSource.open(missing.toString(), clock, new ObjectMapper()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read");
        assertThatThrownBy(() -> JwksSource.open(notJson.toString(), clock, new ObjectMapper()))
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> JwksSource.open(noKeys.toString(), clock, new ObjectMapper()))
                .hasMessageContaining("no RSA or EC signing key");
        assertThatThrownBy(() -> JwksSource.open(badRsa.toString(), clock, new ObjectMapper()))
                .hasMessageContaining("no base64url \"n\"");
        assertThatThrownBy(() -> JwksSource.open(badCurve.toString(), clock, new ObjectMapper()))
                .hasMessageContaining("P-256, P-384 and P-521");
    }

    @Test
    void aUrlThatDoesNotAnswer200StopsTheStart() throws IOException {
        String url = serveKeys().replace("/discovery/keys", "/nowhere");

        assertThatThrownBy(() -> JwksSource.open(url, clock, new ObjectMapper()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("answered 404");
    }
}
