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

/** The {@code Authorization: Bearer} JWT of a callback POST: RS256 over header and claims with a 2048-bit key. */
public class CallbackTokenBenchmark extends AbstractMicrobenchmark {

    private CallbackTokenSigner signer;

    @Setup
    public void setUp() throws IOException, GeneralSecurityException {
        Path dataDir = Files.createTempDirectory("acs-bench-key");
        signer = new CallbackTokenSigner(CallbackSigningKey.loadOrCreate(dataDir), CallbackTokenSigner.DEFAULT_ISSUER,
                Fixtures.CLOCK);
    }

    @Benchmark
    public String signCallbackToken() {
        return signer.sign(Fixtures.RESOURCE_ID);
    }
}
