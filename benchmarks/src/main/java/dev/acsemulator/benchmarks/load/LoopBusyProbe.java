package dev.acsemulator.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How long an event loop stays busy before a newly queued task gets its turn, measured on the loop itself: a probe
 * task reschedules itself {@value #PERIOD_MICROS} µs after each run and reads the loop thread's CPU time; the CPU the
 * loop used between two runs of the probe is one busy stretch (the I/O round and the tasks queued ahead of the probe,
 * which is what a request arriving meanwhile waits for). Thread CPU time, not wall time, so a stretch does not grow
 * when the machine's other processes or the JIT's threads take the core from the loop. Runs from {@link #start} until
 * {@link #report}; touched only on its loop.
 */
final class LoopBusyProbe implements Runnable {

    private static final long PERIOD_MICROS = 200;
    private static final int KEPT = 1 << 17;
    private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private final ScheduledExecutorService loop;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long[] stretches = new long[KEPT];
    private final long[] stretchEnds = new long[KEPT];
    private int count;
    private long lastCpu = -1;
    private boolean running = true;

    private LoopBusyProbe(ScheduledExecutorService loop) {
        this.loop = loop;
    }

    /** Starts probing {@code loop}. */
    static LoopBusyProbe start(ScheduledExecutorService loop) {
        LoopBusyProbe probe = new LoopBusyProbe(loop);
        loop.execute(probe);
        return probe;
    }

    @Override
    public void run() {
        if (!running) {
            return;
        }
        long cpu = threads.getCurrentThreadCpuTime();
        if (lastCpu >= 0 && count < KEPT) {
            stretches[count] = cpu - lastCpu;
            stretchEnds[count] = System.currentTimeMillis();
            count++;
        }
        lastCpu = threads.getCurrentThreadCpuTime();
        loop.schedule(this, PERIOD_MICROS, TimeUnit.MICROSECONDS);
    }

    /**
     * Stops the probe and reports its stretches: how many, the longest, p99 and p99.9, how many were
     * longer than 0.5 and 1 ms, and when the five longest ended (UTC wall clock, to find them in a JFR recording).
     */
    String report() throws Exception {
        return loop.submit(() -> {
            long[] kept = Arrays.copyOf(stretches, count);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingLong((Integer i) -> stretches[i]).reversed());
            StringBuilder longest = new StringBuilder();
            for (int i = 0; i < Math.min(5, order.size()); i++) {
                int at = order.get(i);
                longest.append(i == 0 ? "" : ", ").append(String.format("%.2f ms at %s", stretches[at] / 1e6,
                        WALL_CLOCK.format(Instant.ofEpochMilli(stretchEnds[at]))));
            }
            Arrays.sort(kept);
            long over05 = Arrays.stream(kept).filter(nanos -> nanos > 500_000).count();
            long over1 = Arrays.stream(kept).filter(nanos -> nanos > 1_000_000).count();
            String text = String.format("LOOPBUSY stretches=%d max=%.2fms p99=%.3fms p999=%.3fms over0.5ms=%d "
                            + "over1ms=%d longest=[%s]", count, count == 0 ? 0 : kept[count - 1] / 1e6,
                    percentile(kept, 0.99) / 1e6, percentile(kept, 0.999) / 1e6, over05, over1, longest);
            running = false;
            return text;
        }).get(10, TimeUnit.SECONDS);
    }

    private static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }
}
