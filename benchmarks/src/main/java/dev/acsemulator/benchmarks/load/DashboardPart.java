package dev.acsemulator.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The dashboard part (issue #15): the lifecycle at half the emulator's maximum in windows without and with a page
 * reading the all-calls live feed ({@code GET /admin/feed}), alternating in one run. {@link FeedReader} is that
 * page: it reads the Server-Sent Events on its own thread, counts the activity items and measures how far each lagged
 * behind the emulator's time for it. Writes {@code dashboard.md}.
 */
final class DashboardPart {

    /**
     * One round: the window without a subscriber, the window with one, what the subscriber read, and the CPU this
     * process (the load generator and, in the second window, the reader) spent in each window, in % of one core.
     */
    record Round(StepResult without, StepResult with, FeedStats feed, double generatorCpuWithout,
                 double generatorCpuWith) { }

    /**
     * What the subscriber read in a window: items and items/s, lag percentiles in milliseconds, and the CPU its own
     * thread took in % of one core.
     */
    record FeedStats(long items, double itemsPerSecond, double lagP50Millis, double lagP99Millis,
                     double lagMaxMillis, long calls, boolean stayedConnected, double readerCpuPercent) { }

    /** This process's CPU time over a stretch of wall time, as % of one core: the load generator's own cost. */
    static final class GeneratorCpu {
        private final long cpuStart = processCpuNanos();
        private final long wallStart = System.nanoTime();

        double percent() {
            return 100.0 * (processCpuNanos() - cpuStart) / (System.nanoTime() - wallStart);
        }

        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
    }

    private DashboardPart() {
    }

    /**
     * The all-calls feed read by a plain socket on its own thread. Lag is the time an item arrived here minus its
     * {@code time} (the emulator runs on the real clock, on the same machine), for every item but requests, whose
     * time is their arrival rather than when they were recorded.
     */
    static final class FeedReader implements AutoCloseable {
        private final Socket socket;
        private final Thread thread;
        private final List<Long> lagMicros = new ArrayList<>();
        private long items;
        private long calls;
        private long readerCpuAtTake;
        private long wallAtTake = System.nanoTime();
        private volatile boolean ended;

        private FeedReader(Socket socket) {
            this.socket = socket;
            this.thread = new Thread(this::read, "dashboard-feed-reader");
            thread.setDaemon(true);
        }

        static FeedReader open(int port) throws IOException {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /admin/feed HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            FeedReader reader = new FeedReader(socket);
            reader.thread.start();
            return reader;
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8), 1 << 16)) {
                String event = null;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("event: ")) {
                        event = line.substring(7);
                    } else if (line.startsWith("data: ") && event != null) {
                        received(event, line, Instant.now());
                        event = null;
                    }
                }
            } catch (IOException e) {
                // closed: by close(), or by the emulator dropping a reader that fell behind
            }
            ended = true;
        }

        private synchronized void received(String event, String data, Instant now) {
            if (event.equals("call")) {
                calls++;
                return;
            }
            if (!event.equals("activity")) {
                return;
            }
            items++;
            if (data.contains("\"kind\":\"request\"")) {
                return;
            }
            int at = data.indexOf("\"time\":\"");
            if (at >= 0) {
                int end = data.indexOf('"', at + 8);
                Instant time = Instant.parse(data.substring(at + 8, end));
                lagMicros.add(java.time.Duration.between(time, now).toNanos() / 1_000);
            }
        }

        /** What was read since the last call (or since opening), over {@code seconds}. */
        synchronized FeedStats take(double seconds) {
            long[] lags = lagMicros.stream().mapToLong(Long::longValue).sorted().toArray();
            long readerCpu = ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId());
            long wall = System.nanoTime();
            double readerPercent = readerCpu < 0 ? -1 : 100.0 * (readerCpu - readerCpuAtTake) / (wall - wallAtTake);
            FeedStats stats = new FeedStats(items, items / seconds, percentile(lags, 0.50) / 1e3,
                    percentile(lags, 0.99) / 1e3, lags.length == 0 ? 0 : lags[lags.length - 1] / 1e3, calls, !ended,
                    readerPercent);
            lagMicros.clear();
            items = 0;
            calls = 0;
            readerCpuAtTake = Math.max(0, readerCpu);
            wallAtTake = wall;
            return stats;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }

        private static double percentile(long[] sorted, double p) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
        }
    }

    static void write(double rate, List<Round> rounds, Path out, String commandLine) throws IOException {
        StringBuilder md = new StringBuilder("# Dashboard feed beside the lifecycle\n\n`").append(commandLine)
                .append("`\n\nThe lifecycle at ").append(String.format("%.0f", rate))
                .append(" calls/s (`--dashboard-rate`, else half the emulator's maximum found first), in windows ")
                .append("without and with a subscriber reading ")
                .append("the all-calls feed (`GET /admin/feed`), alternating. REST latency in ms from intended send ")
                .append("times; lag from the emulator's time of an item (not a request's) to its arrival at the ")
                .append("reader. CPU in % of one core over each window: the emulator's process, and this ")
                .append("process (the load generator, and with the feed also its reader; the reader's own thread ")
                .append("apart).\n\n| round | p50 without | p99 without | p50 with | p99 with | feed items/s | ")
                .append("lag p50 | lag p99 | lag max | reader kept | emulator CPU without | emulator CPU with | ")
                .append("generator CPU without | generator CPU with | reader CPU |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        double[] p99Without = new double[rounds.size()];
        double[] p99Rise = new double[rounds.size()];
        for (int i = 0; i < rounds.size(); i++) {
            Round round = rounds.get(i);
            md.append(String.format("| %d | %.2f | %.2f | %.2f | %.2f | %.0f | %.1f | %.1f | %.1f | %s | %.1f | %.1f"
                            + " | %.1f | %.1f | %.1f |%n", i + 1,
                    round.without().restP50() / 1e3, round.without().restP99() / 1e3, round.with().restP50() / 1e3,
                    round.with().restP99() / 1e3, round.feed().itemsPerSecond(), round.feed().lagP50Millis(),
                    round.feed().lagP99Millis(), round.feed().lagMaxMillis(),
                    round.feed().stayedConnected() ? "yes" : "dropped", round.without().serverCpuPercent(),
                    round.with().serverCpuPercent(), round.generatorCpuWithout(), round.generatorCpuWith(),
                    round.feed().readerCpuPercent()));
            p99Without[i] = round.without().restP99() / 1e3;
            p99Rise[i] = (round.with().restP99() - round.without().restP99()) / 1e3;
        }
        Arrays.sort(p99Without);
        Arrays.sort(p99Rise);
        double spread = p99Without.length == 0 ? 0 : p99Without[p99Without.length - 1] - p99Without[0];
        double medianRise = p99Rise.length == 0 ? 0 : p99Rise[p99Rise.length / 2];
        md.append(String.format("%nMedian rise of the REST p99 with a subscriber: %.2f ms; spread of the p99 without "
                + "one: %.2f ms. **%s**%n", medianRise, spread, medianRise <= spread
                ? "Within the run-to-run spread." : "Beyond the run-to-run spread."));
        Files.createDirectories(out);
        Files.writeString(out.resolve("dashboard.md"), md.toString());
        System.out.println(md);
    }
}
