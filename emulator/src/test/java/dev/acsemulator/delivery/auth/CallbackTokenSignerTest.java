package dev.acsemulator.delivery.auth;

import dev.acsemulator.testing.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallbackTokenSignerTest {

    private static final String RESOURCE_ID = "0f4c8e43-6a2b-4f44-9b1c-54f0c1e3a9d2";
    private static final String ISSUER = CallbackTokenSigner.DEFAULT_ISSUER;
    private static final Instant NOW = Instant.parse("2030-06-15T12:00:00.900Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    static Path dataDir;

    private static CallbackSigningKey key;

    @BeforeAll
    static void createKey() throws Exception {
        key = CallbackSigningKey.loadOrCreate(dataDir);
    }

    @Test
    void signedTokenVerifiesWithThePublicKeyRebuiltFromTheJwks() throws Exception {
        String token = new CallbackTokenSigner(key, ISSUER, CLOCK).sign(RESOURCE_ID);

        Jwt jwt = Jwt.parse(token);

        assertThat(jwt.verifiesWith(Jwt.publicKeyFromJwks(OpenIdDocuments.jwksJson(key)))).isTrue();
    }

    @Test
    void tamperedClaimsNoLongerVerify() throws Exception {
        String token = new CallbackTokenSigner(key, ISSUER, CLOCK).sign(RESOURCE_ID);
        String[] parts = token.split("\\.");
        String otherClaims = new CallbackTokenSigner(key, ISSUER, CLOCK).sign("another-resource").split("\\.")[1];

        Jwt forged = Jwt.parse(parts[0] + "." + otherClaims + "." + parts[2]);

        assertThat(forged.verifiesWith(key.publicKey())).isFalse();
    }

    @Test
    void headerNamesRs256AndTheKeyIdPublishedInTheJwks() {
        Jwt jwt = Jwt.parse(new CallbackTokenSigner(key, ISSUER, CLOCK).sign(RESOURCE_ID));

        assertThat(jwt.header).isEqualTo("{\"alg\":\"RS256\",\"kid\":\"" + key.keyId() + "\",\"typ\":\"JWT\"}");
        assertThat(Jwt.stringMember(jwt.header, "kid")).isEqualTo(Jwt.stringMember(OpenIdDocuments.jwksJson(key), "kid"));
    }

    @Test
    void claimsCarryTheGivenAudienceAndIssuer() {
        Jwt jwt = Jwt.parse(new CallbackTokenSigner(key, "https://issuer.example", CLOCK).sign(RESOURCE_ID));

        assertThat(Jwt.stringMember(jwt.claims, "aud")).isEqualTo(RESOURCE_ID);
        assertThat(Jwt.stringMember(jwt.claims, "iss")).isEqualTo("https://issuer.example");
    }

    @Test
    void tokenLivesExactlyFiveMinutesFromTheClocksSecond() {
        Jwt jwt = Jwt.parse(new CallbackTokenSigner(key, ISSUER, CLOCK).sign(RESOURCE_ID));

        long issuedAt = Jwt.numberMember(jwt.claims, "iat");
        assertThat(issuedAt).isEqualTo(NOW.getEpochSecond());
        assertThat(Jwt.numberMember(jwt.claims, "nbf")).isEqualTo(issuedAt);
        assertThat(Jwt.numberMember(jwt.claims, "exp") - issuedAt).isEqualTo(300);
    }

    @Test
    void perEventSigningGivesEveryTokenItsOwnJti() {
        CallbackTokenSigner signer = CallbackTokenSigner.perEvent(key, ISSUER, CLOCK);

        String first = signer.sign(RESOURCE_ID);
        String second = signer.sign(RESOURCE_ID);

        assertThat(first).isNotEqualTo(second);
        String jti = Jwt.stringMember(Jwt.parse(first).claims, "jti");
        assertThat(UUID.fromString(jti).version()).isEqualTo(4);
        assertThat(jti).isNotEqualTo(Jwt.stringMember(Jwt.parse(second).claims, "jti"));
    }

    @Test
    void tokensForOneAudienceWithinOneSecondAreTheSameToken() {
        CallbackTokenSigner signer = new CallbackTokenSigner(key, ISSUER, CLOCK);

        assertThat(signer.sign(RESOURCE_ID)).isEqualTo(signer.sign(RESOURCE_ID));
        assertThat(signer.sign("another-resource")).isNotEqualTo(signer.sign(RESOURCE_ID));
    }

    @Test
    void theNextSecondGetsAFreshTokenWithItsOwnTimesAndJti() {
        Instant second = NOW.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        SettableClock ticking = new SettableClock(second);
        CallbackTokenSigner signer = new CallbackTokenSigner(key, ISSUER, ticking);
        Jwt first = Jwt.parse(signer.sign(RESOURCE_ID));
        ticking.set(second.plusMillis(999));
        Jwt sameSecond = Jwt.parse(signer.sign(RESOURCE_ID));
        ticking.set(second.plusSeconds(1));
        Jwt nextSecond = Jwt.parse(signer.sign(RESOURCE_ID));

        assertThat(Jwt.stringMember(sameSecond.claims, "jti")).isEqualTo(Jwt.stringMember(first.claims, "jti"));
        assertThat(Jwt.stringMember(nextSecond.claims, "jti")).isNotEqualTo(Jwt.stringMember(first.claims, "jti"));
        assertThat(Jwt.numberMember(nextSecond.claims, "iat")).isEqualTo(second.getEpochSecond() + 1);
    }

    @Test
    void theNextSecondsTokenIsMintedAheadSoItsFirstCallbackSignsNothing() {
        Instant second = NOW.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        SettableClock ticking = new SettableClock(second);
        java.util.concurrent.atomic.AtomicInteger jtisDrawn = new java.util.concurrent.atomic.AtomicInteger();
        java.util.ArrayDeque<Runnable> aheadTasks = new java.util.ArrayDeque<>();
        CallbackTokenSigner signer = new CallbackTokenSigner(key, ISSUER, ticking,
                () -> new UUID(0x4000L, 0x8000_0000_0000_0000L | jtisDrawn.incrementAndGet()), aheadTasks::add);

        signer.sign(RESOURCE_ID);
        assertThat(jtisDrawn).hasValue(1);
        assertThat(aheadTasks).hasSize(1);
        aheadTasks.poll().run();
        assertThat(jtisDrawn).hasValue(2);
        ticking.set(second.plusSeconds(1));
        Jwt nextSecond = Jwt.parse(signer.sign(RESOURCE_ID));

        assertThat(jtisDrawn).as("the callback of the next second drew no jti: it signed nothing").hasValue(2);
        assertThat(Jwt.numberMember(nextSecond.claims, "iat")).isEqualTo(second.getEpochSecond() + 1);
        assertThat(Jwt.numberMember(nextSecond.claims, "exp")).isEqualTo(second.getEpochSecond() + 1 + 300);
        assertThat(Jwt.stringMember(nextSecond.claims, "jti")).endsWith("2");
        assertThat(aheadTasks).as("and the second after is minted ahead in turn").hasSize(1);
    }

    @Test
    void aTokenMintedAheadForASecondThatPassedUnusedIsNotUsedLater() {
        Instant second = NOW.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        SettableClock ticking = new SettableClock(second);
        CallbackTokenSigner signer = new CallbackTokenSigner(key, ISSUER, ticking,
                () -> UUID.randomUUID(), Runnable::run);
        signer.sign(RESOURCE_ID);
        ticking.set(second.plusSeconds(5));

        Jwt later = Jwt.parse(signer.sign(RESOURCE_ID));

        assertThat(Jwt.numberMember(later.claims, "iat")).isEqualTo(second.getEpochSecond() + 5);
    }

    @Test
    void seededJtisMakeTokensReproducible() {
        String first = new CallbackTokenSigner(key, ISSUER, CLOCK, CallbackTokenSigner.jtisFrom(new SplittableRandom(42)))
                .sign(RESOURCE_ID);
        String second = new CallbackTokenSigner(key, ISSUER, CLOCK, CallbackTokenSigner.jtisFrom(new SplittableRandom(42)))
                .sign(RESOURCE_ID);

        assertThat(first).isEqualTo(second);
        assertThat(UUID.fromString(Jwt.stringMember(Jwt.parse(first).claims, "jti")).variant()).isEqualTo(2);
    }

    @Test
    void suppliedJtiIsUsedVerbatim() {
        UUID jti = UUID.fromString("00000000-0000-4000-8000-000000000001");

        Jwt jwt = Jwt.parse(new CallbackTokenSigner(key, ISSUER, CLOCK, () -> jti).sign(RESOURCE_ID));

        assertThat(Jwt.stringMember(jwt.claims, "jti")).isEqualTo(jti.toString());
    }

    @Test
    void claimsAreCompleteAndOrdered() {
        UUID jti = UUID.fromString("00000000-0000-4000-8000-000000000001");
        long iat = NOW.getEpochSecond();

        Jwt jwt = Jwt.parse(new CallbackTokenSigner(key, ISSUER, CLOCK, () -> jti).sign(RESOURCE_ID));

        assertThat(jwt.claims).isEqualTo("{\"aud\":\"" + RESOURCE_ID + "\",\"iss\":\"" + ISSUER + "\",\"iat\":" + iat
                + ",\"nbf\":" + iat + ",\"exp\":" + (iat + 300) + ",\"jti\":\"" + jti + "\"}");
    }

    @Test
    void audienceAndIssuerAreJsonEscaped() {
        Jwt jwt = Jwt.parse(new CallbackTokenSigner(key, "iss\"\\", CLOCK).sign("a\"b\\c\n\u0001é"));

        assertThat(Jwt.rawMember(jwt.claims, "aud")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001é\"");
        assertThat(Jwt.rawMember(jwt.claims, "iss")).isEqualTo("\"iss\\\"\\\\\"");
    }

    @Test
    void tokensSignedConcurrentlyAllVerify() throws Exception {
        CallbackTokenSigner signer = CallbackTokenSigner.perEvent(key, ISSUER, Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> batches = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                batches.add(pool.submit(() -> {
                    List<String> tokens = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        tokens.add(signer.sign(RESOURCE_ID));
                    }
                    return tokens;
                }));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> batch : batches) {
                all.addAll(batch.get());
            }
            assertThat(all).hasSize(200).doesNotHaveDuplicates();
            for (String token : all) {
                assertThat(Jwt.parse(token).verifiesWith(key.publicKey())).as(token).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFreshTokenOfAStreamConnectionLivesTheGivenTimeAndIsNeverReused() throws Exception {
        CallbackTokenSigner signer = new CallbackTokenSigner(key, ISSUER, CLOCK);

        Jwt first = Jwt.parse(signer.signFresh(RESOURCE_ID, java.time.Duration.ofHours(24)));
        Jwt second = Jwt.parse(signer.signFresh(RESOURCE_ID, java.time.Duration.ofHours(24)));

        assertThat(Jwt.numberMember(first.claims, "exp") - Jwt.numberMember(first.claims, "iat")).isEqualTo(86_400);
        assertThat(Jwt.stringMember(first.claims, "jti")).isNotEqualTo(Jwt.stringMember(second.claims, "jti"));
        assertThat(first.verifiesWith(key.publicKey())).isTrue();
    }
}
