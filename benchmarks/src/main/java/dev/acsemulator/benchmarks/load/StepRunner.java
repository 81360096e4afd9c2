package dev.acsemulator.benchmarks.load;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Offers load open-loop: unit {@code i} of a step at rate R is due at {@code t0 + i/R} and is started by a 1 ms
 * ticker on the generator's event loop whether or not earlier units have finished; latencies count from that due
 * time. A step then waits (bounded) for every unit to finish, and is sustained when it achieved at least 95 % of
 * the offered rate with no error, no unit left over, every expected event delivered, a REST median under 10 ms (no
 * standing queue) and a REST p99 under 250 ms (a collector pause or a neighbour's burst on a shared core passes; a
 * backlog does not).
 */
final class StepRunner {

    static final long DRAIN_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);
    static final double P50_LIMIT_MICROS = 10_000;
    static final double P99_LIMIT_MICROS = 250_000;

    private final EventLoop loop;

    StepRunner(EventLoop loop) {
        this.loop = loop;
    }

    StepResult run(String scenario, String unit, ServerProcess server, Workload workload, double rate,
                   double seconds) throws Exception {
        long total = Math.max(1, Math.round(rate * seconds));
        long cpuBefore = server.cpuNanos();
        long[] startedAt = new long[1];
        long[] issued = new long[1];
        ScheduledFuture<?> ticker = onLoop(() -> {
            startedAt[0] = System.nanoTime();
            return loop.scheduleAtFixedRate(() -> {
                long now = System.nanoTime();
                long due = Math.min(total, (long) ((now - startedAt[0]) * rate / 1e9) + 1);
                while (issued[0] < due) {
                    long index = issued[0]++;
                    try {
                        workload.start(index, startedAt[0] + (long) (index * 1e9 / rate));
                    } catch (RuntimeException e) {
                        workload.error(e.toString(), now);
                    }
                }
            }, 0, 1, TimeUnit.MILLISECONDS);
        });
        long deadline = System.nanoTime() + (long) (seconds * 1e9) + DRAIN_LIMIT_NANOS;
        while (System.nanoTime() < deadline) {
            Thread.sleep(20);
            boolean done = onLoop(() -> issued[0] >= total && workload.finished());
            if (done) {
                break;
            }
        }
        ticker.cancel(false);
        long cpuAfter = server.cpuNanos();
        long wallEnd = System.nanoTime();
        long heap = server.heapBytes(false);
        if (System.getProperty("bench.debug") != null) {
            System.out.println("debug issued=" + issued[0] + " total=" + total + " started=" + workload.started
                    + " completed=" + workload.completed + " errors=" + workload.errors + " elapsed="
                    + (wallEnd - startedAt[0]) / 1e9);
        }
        return onLoop(() -> {
            long end = workload.lastCompletionNanos > 0 ? workload.lastCompletionNanos : wallEnd;
            double elapsed = Math.max(1e-9, (end - startedAt[0] - workload.inherentNanos()) / 1e9);
            double achieved = workload.completed / elapsed;
            long unfinished = workload.started - workload.completed - workload.errors;
            double p99 = micros(workload.rest.getValueAtPercentile(99));
            boolean eventsOk = workload.eventsDelivered >= workload.eventsExpected;
            double p50 = micros(workload.rest.getValueAtPercentile(50));
            boolean sustained = workload.errors == 0 && unfinished == 0 && issued[0] >= total
                    && achieved >= 0.95 * rate && p50 <= P50_LIMIT_MICROS && p99 <= P99_LIMIT_MICROS && eventsOk;
            double cpu = cpuBefore < 0 || cpuAfter < 0 ? -1 : 100.0 * (cpuAfter - cpuBefore) / (wallEnd - startedAt[0]);
            boolean hasEvents = workload.events.getTotalCount() > 0;
            return new StepResult(scenario, server.name, unit, rate, achieved, workload.completed, workload.errors,
                    unfinished, micros(workload.rest.getValueAtPercentile(50)), p99,
                    micros(workload.rest.getValueAtPercentile(99.9)), micros(workload.rest.getMaxValue()),
                    hasEvents ? micros(workload.events.getValueAtPercentile(50)) : -1,
                    hasEvents ? micros(workload.events.getValueAtPercentile(99)) : -1,
                    hasEvents ? micros(workload.events.getValueAtPercentile(99.9)) : -1,
                    workload.eventsExpected, workload.eventsDelivered, workload.eventsWithoutBearer, cpu,
                    server.rssBytes(), heap, sustained, workload.firstError, machineLoad());
        });
    }

    <T> T onLoop(Callable<T> task) throws InterruptedException, ExecutionException {
        return loop.submit(task).get();
    }

    static double machineLoad() {
        try {
            return Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ")[0]);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }
}
