package dev.acsemulator.benchmarks.micro;

import dev.acsemulator.api.auth.HmacAuthenticator;
import dev.acsemulator.benchmarks.AbstractMicrobenchmark;
import dev.acsemulator.http.HttpRequestMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

import java.time.Duration;
import java.util.List;

/** HMAC-SHA256 verification of one request (sdk-wire-facts.md §4): content hash, date check, signature. */
public class HmacVerificationBenchmark extends AbstractMicrobenchmark {

    private HmacAuthenticator authenticator;
    private HttpRequestMessage get;
    private HttpRequestMessage createCall;

    @Setup
    public void setUp() {
        authenticator = new HmacAuthenticator(List.of(Fixtures.KEY), Fixtures.CLOCK, Duration.ofMinutes(5));
        get = Fixtures.signed("GET", "/calling/callConnections/" + Fixtures.CALL_ID + "?api-version="
                + Fixtures.API_VERSION, "");
        createCall = Fixtures.signed("POST", "/calling/callConnections?api-version=" + Fixtures.API_VERSION,
                Fixtures.CREATE_CALL_BODY);
    }

    @Benchmark
    public String verifyGet() {
        return authenticator.authenticate(get);
    }

    @Benchmark
    public String verifyCreateCall() {
        return authenticator.authenticate(createCall);
    }
}
