package dev.acsemulator.api;

import dev.acsemulator.testing.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.acsemulator.http.HttpRequestMessage;
import dev.acsemulator.http.HttpResponseMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Repeatability-Request-ID / Repeatability-First-Sent, as both SDKs send them on every repeatable POST. */
class RepeatabilityTest {

    private static final Instant NOW = Instant.parse("2026-11-22T00:33:38Z");
    private static final String FIRST_SENT = "Sun, 22 Nov 2026 00:33:38 GMT";
    private static final String REQUEST_ID = "5a1c8f0e-9d2b-4c3a-8e7f-0123456789ab";
    private static final String PRINCIPAL = "hmac:key1";

    private final Repeatability repeatability =
            new Repeatability(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(15));

    /** An action that counts its runs and answers 202 with the run number in the body. */
    private static final class CountingAction implements Supplier<CompletableFuture<Repeatability.Answer>> {
        private final AtomicInteger runs = new AtomicInteger();
        private final int status;

        CountingAction(int status) {
            this.status = status;
        }

        @Override
        public CompletableFuture<Repeatability.Answer> get() {
            int run = runs.incrementAndGet();
            return CompletableFuture.completedFuture(new Repeatability.Answer(response(run),
                    () -> response(run)));
        }

        private HttpResponseMessage response(int run) {
            return HttpResponseMessage.json(status, "{\"run\":" + run + "}");
        }

        int runs() {
            return runs.get();
        }
    }

    private static HttpRequestMessage request(String requestId, String firstSent) {
        Map<String, String> headers = new HashMap<>();
        if (requestId != null) {
            headers.put("repeatability-request-id", requestId);
        }
        if (firstSent != null) {
            headers.put("repeatability-first-sent", firstSent);
        }
        return new HttpRequestMessage("POST", "/calling/callConnections/abc:terminate?api-version=2026-03-12",
                headers, new byte[0], "https", 8443);
    }

    private static String rfc1123(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static String body(HttpResponseMessage response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void theSameRequestIdRunsTheActionOnceAndReplaysTheFirstResponse() {
        CountingAction action = new CountingAction(202);

        HttpResponseMessage first = repeatability.run(request(REQUEST_ID, FIRST_SENT), PRINCIPAL, action).join();
        HttpResponseMessage again = repeatability.run(request(REQUEST_ID, FIRST_SENT), PRINCIPAL, action).join();

        assertThat(action.runs()).isEqualTo(1);
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.headers()).containsEntry("Repeatability-Result", "accepted");
        assertThat(again.status()).isEqualTo(202);
        assertThat(body(again)).isEqualTo(body(first)).isEqualTo("{\"run\":1}");
        assertThat(again.headers()).isEqualTo(first.headers());
    }

    @Test
    void aRetryIsAnsweredByRenderingTheFirstAnswerAgainNotFromKeptBytes() {
        AtomicInteger renders = new AtomicInteger();
        Supplier<CompletableFuture<Repeatability.Answer>> action = () -> CompletableFuture.completedFuture(
                new Repeatability.Answer(HttpResponseMessage.json(201, "{\"id\":1}"), () -> {
                    renders.incrementAndGet();
                    return HttpResponseMessage.json(201, "{\"id\":1}");
                }));

        HttpResponseMessage first = repeatability.run(request(REQUEST_ID, FIRST_SENT), PRINCIPAL, action).join();
        HttpResponseMessage again = repeatability.run(request(REQUEST_ID, FIRST_SENT), PRINCIPAL, action).join();

        assertThat(renders).hasValue(1);
        assertThat(again.status()).isEqualTo(201);
        assertThat(body(again)).isEqualTo(body(first));
        assertThat(again.headers()).isEqualTo(first.headers());
    }

    @Test
    void beyondItsCapacityTheOldestRequestIdIsForgottenEarly() {
        Repeatability small = new Repeatability(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(15), 2);
        CountingAction action = new CountingAction(202);
        String[] ids = {"0f3e2d1c-0000-4000-8000-000000000001", "0f3e2d1c-0000-4000-8000-000000000002",
                "0f3e2d1c-0000-4000-8000-000000000003"};
        for (String id : ids) {
            small.run(request(id, FIRST_SENT), PRINCIPAL, action).join();
        }
        assertThat(small.remembered()).isEqualTo(2);

        small.run(request(ids[2], FIRST_SENT), PRINCIPAL, action).join();
        assertThat(action.runs()).as("the newest is still remembered").isEqualTo(3);
        small.run(request(ids[0], FIRST_SENT), PRINCIPAL, action).join();
        assertThat(action.runs()).as("the oldest was forgotten, so it runs again").isEqualTo(4);
    }

    @Test
    void theRequestIdIsComparedWithoutRegardToCase() {
        CountingAction action = new CountingAction(202);

        repeatability.run(request(REQUEST_ID, FIRST_SENT), PRINCIPAL, action).join();
        repeatability.run(request(REQUEST_ID.toUpperCase(), FIRST_SENT), PRINCIPAL, action).join();

        assertThat(action.runs()).isEqualTo(1);
    }

    @Test
    void aDuplicateThatArrivesWhileTheFirstIsStillRunningGetsTheFirstsResponse() {
        CompletableFuture<Repeatability.Answer> pending = new CompletableFuture<>();
        AtomicInteger runs = new AtomicInteger();
        Supplier<CompletableFuture<Repeatability.Answer>> slow = () -> {
            runs.incrementAndGet();
            return pending;
        };

        CompletableFuture<HttpResponseMessage> first = repeatability.run(request(REQUEST_ID, FIRST_SENT), PRINCIPAL,
                slow);
        CompletableFuture<HttpResponseMessage> duplicate = repeatability.run(request(REQUEST_ID, FIRST_SENT),
                PRINCIPAL, slow);
        assertThat(duplicate).isNotDone();
        pending.complete(Repeatability.Answer.of(HttpResponseMessage.empty(204)));

        assertThat(runs).hasValue(1);
        assertThat(duplicate.join().status()).isEqualTo(204);
        assertThat(duplicate.join().headers()).isEqualTo(first.join().headers());
    }

    @Test
    void differentRequestIdsRunTwice() {
        CountingAction action = new CountingAction(202);

        repeatability.run(request(REQUEST_ID, FIRST_SENT), PRINCIPAL, action).join();
        HttpResponseMessage second = repeatability.run(request("0f3e2d1c-0000-4000-8000-000000000002", FIRST_SENT),
                PRINCIPAL, action).join();

        assertThat(action.runs()).isEqualTo(2);
        assertThat(body(second)).isEqualTo("{\"run\":2}");
    }

    @Test
    void theSameRequestIdFromAnotherCallerRunsAgain() {
        CountingAction action = new CountingAction(202);

        repeatability.run(request(REQUEST_ID, FIRST_SENT), "hmac:key1", action).join();
        repeatability.run(request(REQUEST_ID, FIRST_SENT), "bearer:someone-else", action).join();

        assertThat(action.runs()).isEqualTo(2);
    }

    @Test
    void aRequestWithoutRepeatabilityHeadersAlwaysRunsAndIsNotMarked() {
        CountingAction action = new CountingAction(202);

        HttpResponseMessage first = repeatability.run(request(null, null), PRINCIPAL, action).join();
        repeatability.run(request(null, null), PRINCIPAL, action).join();

        assertThat(action.runs()).isEqualTo(2);
        assertThat(first.headers()).doesNotContainKey("Repeatability-Result");
    }

    @Test
    void aRequestIdWithoutFirstSentIsRejectedWith400() {
        assertRejected(request(REQUEST_ID, null), 400);
    }

    @Test
    void aFirstSentWithoutRequestIdIsRejectedWith400() {
        assertRejected(request(null, FIRST_SENT), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-uuid", "12345", "5a1c8f0e9d2b4c3a8e7f0123456789ab"})
    void aRequestIdThatIsNotAUuidIsRejectedWith400(String requestId) {
        assertRejected(request(requestId, FIRST_SENT), 400);
    }
    @Test
    void aRequestIdWithTheDashesOfAUuidButNotItsDigitsIsRejectedWith400() {
        assertRejected(request("1-2-3-4-5", FIRST_SENT), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-11-22T00:33:38Z", "1795307618", "Sun, 22 Nov 2026 00:33:38",
            "Sunday, 22-Nov-26 00:33:38 GMT"})
    void aFirstSentThatIsNotRfc1123IsRejectedWith400(String firstSent) {
        assertRejected(request(REQUEST_ID, firstSent), 400);
    }

    @Test
    void aFirstSentMoreThanFiveMinutesAgoIs412() {
        assertRejected(request(REQUEST_ID, rfc1123(NOW.minusSeconds(301))), 412);
    }

    @Test
    void aFirstSentExactlyFiveMinutesAgoIsStillRepeatable() {
        CountingAction action = new CountingAction(202);

        HttpResponseMessage response = repeatability.run(request(REQUEST_ID, rfc1123(NOW.minusSeconds(300))),
                PRINCIPAL, action).join();

        assertThat(response.status()).isEqualTo(202);
    }

    @Test
    void aFirstSentFurtherInTheFutureThanTheClockSkewIsRejectedWith400() {
        assertRejected(request(REQUEST_ID, rfc1123(NOW.plus(Duration.ofMinutes(16)))), 400);
        assertThat(repeatability.run(request(REQUEST_ID, rfc1123(NOW.plus(Duration.ofMinutes(14)))), PRINCIPAL,
                new CountingAction(202)).join().status()).isEqualTo(202);
    }

    @Test
    void aServerErrorIsNotCachedSoTheRetryRunsAgain() {
        CountingAction failing = new CountingAction(503);
        CountingAction working = new CountingAction(202);

        HttpResponseMessage first = repeatability.run(request(REQUEST_ID, FIRST_SENT), PRINCIPAL, failing).join();
        HttpResponseMessage retry = repeatability.run(request(REQUEST_ID, FIRST_SENT), PRINCIPAL, working).join();

        assertThat(first.status()).isEqualTo(503);
        assertThat(working.runs()).isEqualTo(1);
        assertThat(retry.status()).isEqualTo(202);
    }

    @Test
    void aClientErrorIsNotCachedSoATransientRefusalLike429CanBeRetried() {
        CountingAction refusing = new CountingAction(429);

        repeatability.run(request(REQUEST_ID, FIRST_SENT), PRINCIPAL, refusing).join();
        HttpResponseMessage retry = repeatability.run(request(REQUEST_ID, FIRST_SENT), PRINCIPAL, refusing).join();

        assertThat(refusing.runs()).isEqualTo(2);
        assertThat(retry.status()).isEqualTo(429);
        assertThat(retry.headers()).doesNotContainKey("Repeatability-Result");
    }

    @Test
    void anActionThatFailsIsNotCachedSoTheRetryRunsAgain() {
        CountingAction working = new CountingAction(202);

        CompletableFuture<HttpResponseMessage> failed = repeatability.run(request(REQUEST_ID, FIRST_SENT), PRINCIPAL,
                () -> CompletableFuture.failedFuture(new IllegalStateException("boom")));
        HttpResponseMessage retry = repeatability.run(request(REQUEST_ID, FIRST_SENT), PRINCIPAL, working).join();

        assertThat(failed).isCompletedExceptionally();
        assertThat(working.runs()).isEqualTo(1);
        assertThat(retry.status()).isEqualTo(202);
    }

    private void assertRejected(HttpRequestMessage request, int status) {
        CountingAction action = new CountingAction(202);

        assertThatThrownBy(() -> repeatability.run(request, PRINCIPAL, action))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.headers()).containsEntry("Repeatability-Result", "rejected");
                });
        assertThat(action.runs()).isZero();
    }

    @Test
    void idsOlderThanTheWindowAreForgottenWithoutGrowingForever() {
        SettableClock moving = new SettableClock(NOW);
        Repeatability forgetting = new Repeatability(moving, Duration.ofMinutes(15));
        for (int i = 0; i < 5000; i++) {
            forgetting.run(request(java.util.UUID.randomUUID().toString(), FIRST_SENT), PRINCIPAL,
                    new CountingAction(201)).join();
        }
        assertThat(forgetting.remembered()).isEqualTo(5000);

        moving.set(NOW.plus(Duration.ofMinutes(6)));
        String later = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                moving.instant().atZone(ZoneOffset.UTC));
        forgetting.run(request(REQUEST_ID, later), PRINCIPAL, new CountingAction(201)).join();

        assertThat(forgetting.remembered()).isEqualTo(1);
    }

    @Test
    void anIdleEmulatorForgetsExpiredIdsWhenSweptWithoutAnyRequest() {
        SettableClock moving = new SettableClock(NOW);
        Repeatability forgetting = new Repeatability(moving, Duration.ofMinutes(15));
        for (int i = 0; i < 1000; i++) {
            forgetting.run(request(java.util.UUID.randomUUID().toString(), FIRST_SENT), PRINCIPAL,
                    new CountingAction(201)).join();
        }
        moving.set(NOW.plus(Duration.ofMinutes(4)));
        forgetting.forgetExpired();
        assertThat(forgetting.remembered()).as("still within the window").isEqualTo(1000);

        moving.set(NOW.plus(Duration.ofMinutes(5)).plusSeconds(1));
        forgetting.forgetExpired();

        assertThat(forgetting.remembered()).isZero();
    }

    @Test
    void aSweepLeavesAnIdWhoseFirstAnswerIsStillComing() {
        SettableClock moving = new SettableClock(NOW);
        Repeatability forgetting = new Repeatability(moving, Duration.ofMinutes(15));
        CompletableFuture<Repeatability.Answer> pending = new CompletableFuture<>();
        forgetting.run(request(REQUEST_ID, FIRST_SENT), PRINCIPAL, () -> pending);

        moving.set(NOW.plus(Duration.ofMinutes(6)));
        forgetting.forgetExpired();

        assertThat(forgetting.remembered()).isEqualTo(1);
        pending.complete(Repeatability.Answer.of(HttpResponseMessage.json(201, "{}")));
        forgetting.forgetExpired();
        assertThat(forgetting.remembered()).isZero();
    }
}
