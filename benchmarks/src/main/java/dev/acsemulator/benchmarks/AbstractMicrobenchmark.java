package dev.acsemulator.benchmarks;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The settings every microbenchmark shares (as Netty's {@code AbstractMicrobenchmarkBase}): average time in ns/op,
 * one forked JVM with a fixed heap and the emulator's logging quiet, short warmup and measurement iterations.
 * Subclasses are named {@code *Benchmark} so {@code java -jar benchmarks.jar Hmac} selects by regex; add
 * {@code -prof gc} for allocation per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public abstract class AbstractMicrobenchmark {
}
