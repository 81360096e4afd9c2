package dev.acsemulator.benchmarks.micro;

import dev.acsemulator.benchmarks.AbstractMicrobenchmark;
import dev.acsemulator.delivery.auth.CallbackSigningKey;
import dev.acsemulator.delivery.auth.CallbackTokenSigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * The {@code Authorization: Bearer} JWT of a callback POST: RS256 over header and claims with a 2048-bit key, minted
 * for every callback ({@link CallbackTokenSigner#perEvent}), and as the emulator does by default, reused within its
 * second (the benchmark's clock is fixed, so every call after the first is a reuse).
 */
public class CallbackTokenBenchmark extends AbstractMicrobenchmark {

    private CallbackTokenSigner perEvent;
    private CallbackTokenSigner reusedWithinSecond;

    @Setup
    public void setUp() throws IOException, GeneralSecurityException {
        CallbackSigningKey key = CallbackSigningKey.loadOrCreate(Files.createTempDirectory("acs-bench-key"));
        perEvent = CallbackTokenSigner.perEvent(key, CallbackTokenSigner.DEFAULT_ISSUER, Fixtures.CLOCK);
        reusedWithinSecond = new CallbackTokenSigner(key, CallbackTokenSigner.DEFAULT_ISSUER, Fixtures.CLOCK);
    }

    @Benchmark
    public String signPerEvent() {
        return perEvent.sign(Fixtures.RESOURCE_ID);
    }

    @Benchmark
    public String reusedWithinSecond() {
        return reusedWithinSecond.sign(Fixtures.RESOURCE_ID);
    }
}
