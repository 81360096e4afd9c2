package dev.acsemulator.benchmarks.micro;

import dev.acsemulator.api.Repeatability;
import dev.acsemulator.benchmarks.AbstractMicrobenchmark;
import dev.acsemulator.http.HttpRequestMessage;
import dev.acsemulator.http.HttpResponseMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Setup;

import java.time.Duration;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The Repeatability-Request-ID check every repeatable POST goes through: a retry that finds the first answer, and a
 * first request that records itself (with a 10k-entry window already held, as under load).
 */
public class RepeatabilityBenchmark extends AbstractMicrobenchmark {

    private static final CompletableFuture<Repeatability.Answer> CREATED =
            CompletableFuture.completedFuture(Repeatability.Answer.of(HttpResponseMessage.json(201, "{}")));
    private static final Supplier<CompletableFuture<Repeatability.Answer>> ACTION = () -> CREATED;

    private Repeatability repeatability;
    private HttpRequestMessage retry;
    private long next;

    /** A fresh window per iteration (each holding 10k entries first), so the map grows only within one iteration. */
    @Setup(Level.Iteration)
    public void setUp() {
        repeatability = new Repeatability(Fixtures.CLOCK, Duration.ofMinutes(5));
        retry = Fixtures.signed("POST", "/calling/callConnections?api-version=2023-03-06", Fixtures.CREATE_CALL_BODY);
        repeatability.run(retry, "hmac:key1", ACTION).join();
        for (int i = 0; i < 10_000; i++) {
            repeatability.run(withRequestId(retry, -1 - i), "hmac:key1", ACTION).join();
        }
    }

    @Benchmark
    public CompletableFuture<HttpResponseMessage> repeatedRequestFindsFirstAnswer() {
        return repeatability.run(retry, "hmac:key1", ACTION);
    }

    /** Includes making the new request id (a UUID string, about 50 ns). Short iterations bound the window's size. */
    @Benchmark
    @Measurement(iterations = 10, time = 200, timeUnit = TimeUnit.MILLISECONDS)
    public CompletableFuture<HttpResponseMessage> firstRequestIsRecorded() {
        return repeatability.run(withRequestId(retry, next++), "hmac:key1", ACTION);
    }

    private static HttpRequestMessage withRequestId(HttpRequestMessage request, long serial) {
        String id = new UUID(0x1234_5678_9abc_4defL, 0x8000_0000_0000_0000L ^ serial).toString();
        Map<String, String> base = request.headers();
        Map<String, String> headers = new AbstractMap<>() {
            @Override
            public String get(Object key) {
                return "repeatability-request-id".equals(key) ? id : base.get(key);
            }

            @Override
            public Set<Entry<String, String>> entrySet() {
                throw new UnsupportedOperationException();
            }
        };
        return new HttpRequestMessage(request.method(), request.rawTarget(), headers, request.body(), request.scheme(),
                request.localPort());
    }
}
