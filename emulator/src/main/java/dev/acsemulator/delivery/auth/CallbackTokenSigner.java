package dev.acsemulator.delivery.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import dev.acsemulator.runtime.DaemonThreads;

/**
 * Mints the {@code Authorization: Bearer} token of each callback POST: an RS256 JWT valid for exactly five minutes,
 * whose audience is the ACS resource id. Thread-safe; each thread keeps its own initialised {@link Signature}.
 *
 * <p>An RS256 signature costs about a millisecond of CPU, more than everything else an event costs together. So by
 * default a token is reused for every callback to the same audience within the same second of the clock: its
 * {@code iat}, {@code nbf} and {@code exp} are exactly what a fresh token would carry (they have whole-second
 * precision), only the {@code jti} is shared (openapi/DEVIATIONS.md). {@link #perEvent} restores one token, and one
 * {@code jti}, per callback.
 *
 * <p>Reuse leaves one signature a second per audience, and that one fell on whoever sent the second's first callback:
 * an event loop, held for the signature's millisecond or more while other requests waited. So when a second's token
 * is minted, the next second's is minted ahead on a thread of its own, and the first callback of that second finds it
 * ready. Its claims are the ones a token minted then would carry; only its {@code jti} was drawn earlier.
 */
public final class CallbackTokenSigner {

    public static final String DEFAULT_ISSUER = "https://acscallautomation.communication.azure.com";
    public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

    private static final long LIFETIME_SECONDS = TOKEN_LIFETIME.toSeconds();
    /**
     * Mints the next second's tokens of every signer, off the threads that send callbacks: one thread, which ends
     * after five idle seconds, so an emulator that was stopped leaves none behind for long.
     */
    private static final Executor AHEAD = new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), DaemonThreads.named("acs-callback-token-ahead-"));

    private final CallbackSigningKey key;
    private final Clock clock;
    private final Supplier<UUID> jtiSource;
    private final byte[] encodedHeader;
    private final String quotedIssuer;
    private final int encodedSignatureLength;
    private final ThreadLocal<Signature> signatures = ThreadLocal.withInitial(this::newSignature);
    private final boolean reuseWithinSecond;
    private volatile MintedToken lastMinted;
    /** Per audience, the token minted ahead for a second still to come. */
    private final Map<String, MintedToken> mintedAhead = new ConcurrentHashMap<>(2);
    private final Executor ahead;

    /** The last token minted, kept for reuse within its second. */
    private record MintedToken(String audience, long issuedAt, String token) { }

    /** Reuses a token within its second (see the class comment). */
    public CallbackTokenSigner(CallbackSigningKey key, String issuer, Clock clock) {
        this(key, issuer, clock, () -> randomUuid(ThreadLocalRandom.current()), true, AHEAD);
    }

    /** Reuses a token within its second, minting the next second's on {@code ahead} (tests pass their own). */
    CallbackTokenSigner(CallbackSigningKey key, String issuer, Clock clock, Supplier<UUID> jtiSource, Executor ahead) {
        this(key, issuer, clock, jtiSource, true, ahead);
    }

    /** One token per call of {@link #sign}, each with its own {@code jti} from {@code jtiSource}. */
    public CallbackTokenSigner(CallbackSigningKey key, String issuer, Clock clock, Supplier<UUID> jtiSource) {
        this(key, issuer, clock, jtiSource, false, AHEAD);
    }

    private CallbackTokenSigner(CallbackSigningKey key, String issuer, Clock clock, Supplier<UUID> jtiSource,
                                boolean reuseWithinSecond, Executor ahead) {
        this.reuseWithinSecond = reuseWithinSecond;
        this.ahead = Objects.requireNonNull(ahead, "ahead");
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.jtiSource = Objects.requireNonNull(jtiSource, "jtiSource");
        this.quotedIssuer = JsonStrings.quoted(Objects.requireNonNull(issuer, "issuer"));
        String header = "{\"alg\":\"RS256\",\"kid\":" + JsonStrings.quoted(key.keyId()) + ",\"typ\":\"JWT\"}";
        this.encodedHeader = Base64Url.encodeToString(header.getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
        this.encodedSignatureLength = Base64Url.encodedLength(key.signatureLength());
    }

    /** Signs every callback with a fresh token: the service's presumed behaviour, at about 1 ms of CPU each. */
    public static CallbackTokenSigner perEvent(CallbackSigningKey key, String issuer, Clock clock) {
        return new CallbackTokenSigner(key, issuer, clock, () -> randomUuid(ThreadLocalRandom.current()), false, AHEAD);
    }

    /** A reproducible jti sequence for seeded runs; access to {@code random} is serialised. */
    public static Supplier<UUID> jtisFrom(RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        return () -> {
            synchronized (random) {
                return randomUuid(random);
            }
        };
    }

    /** A compact JWS: {@code base64url(header).base64url(claims).base64url(signature)}. */
    public String sign(String audience) {
        long issuedAt = clock.instant().getEpochSecond();
        if (!reuseWithinSecond) {
            return mint(audience, issuedAt);
        }
        MintedToken last = lastMinted;
        if (last != null && last.issuedAt() == issuedAt && last.audience().equals(audience)) {
            return last.token();
        }
        MintedToken early = mintedAhead.get(audience);
        String token = early != null && early.issuedAt() == issuedAt ? early.token() : mint(audience, issuedAt);
        lastMinted = new MintedToken(audience, issuedAt, token);
        mintAhead(audience, issuedAt + 1);
        return token;
    }

    /** Mints {@code audience}'s token of second {@code issuedAt} on the ahead thread, unless it is there already. */
    private void mintAhead(String audience, long issuedAt) {
        MintedToken early = mintedAhead.get(audience);
        if (early != null && early.issuedAt() >= issuedAt) {
            return;
        }
        ahead.execute(() -> {
            MintedToken now = mintedAhead.get(audience);
            if (now == null || now.issuedAt() < issuedAt) {
                mintedAhead.put(audience, new MintedToken(audience, issuedAt, mint(audience, issuedAt)));
            }
        });
    }

    /**
     * A fresh token of the given lifetime, never reused: each WebSocket connection request of a media stream carries
     * its own, valid for 24 hours (Microsoft Learn, "Secure webhook endpoint").
     */
    public String signFresh(String audience, Duration lifetime) {
        return mint(audience, clock.instant().getEpochSecond(), lifetime.toSeconds());
    }

    private String mint(String audience, long issuedAt) {
        return mint(audience, issuedAt, LIFETIME_SECONDS);
    }

    private String mint(String audience, long issuedAt, long lifetimeSeconds) {
        StringBuilder claimsJson = new StringBuilder(128 + quotedIssuer.length() + audience.length()).append("{\"aud\":");
        byte[] claims = JsonStrings.appendQuoted(claimsJson, audience)
                .append(",\"iss\":").append(quotedIssuer)
                .append(",\"iat\":").append(issuedAt)
                .append(",\"nbf\":").append(issuedAt)
                .append(",\"exp\":").append(issuedAt + lifetimeSeconds)
                .append(",\"jti\":\"").append(jtiSource.get()).append("\"}")
                .toString()
                .getBytes(StandardCharsets.UTF_8);

        int signingInputLength = encodedHeader.length + 1 + Base64Url.encodedLength(claims.length);
        byte[] token = new byte[signingInputLength + 1 + encodedSignatureLength];
        System.arraycopy(encodedHeader, 0, token, 0, encodedHeader.length);
        token[encodedHeader.length] = '.';
        Base64Url.encode(claims, token, encodedHeader.length + 1);
        byte[] signature = signatureOver(token, signingInputLength);
        token[signingInputLength] = '.';
        Base64Url.encode(signature, token, signingInputLength + 1);
        return new String(token, StandardCharsets.ISO_8859_1);
    }

    private byte[] signatureOver(byte[] input, int length) {
        Signature signature = signatures.get();
        try {
            signature.update(input, 0, length);
            return signature.sign();
        } catch (GeneralSecurityException | RuntimeException failure) {
            signatures.remove();
            throw new IllegalStateException("Cannot sign a callback token with key " + key.keyId(), failure);
        }
    }

    private Signature newSignature() {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key.privateKey());
            return signature;
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("SHA256withRSA signing is unavailable", unavailable);
        }
    }

    /** A version 4 (random) UUID, as {@link UUID#randomUUID()} makes, but from any generator. */
    private static UUID randomUuid(RandomGenerator random) {
        long mostSignificant = (random.nextLong() & ~0xF000L) | 0x4000L;
        long leastSignificant = (random.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
