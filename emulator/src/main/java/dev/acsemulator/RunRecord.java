package dev.acsemulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * What the data directory remembers of a run, so the next start can say what an unclean stop lost. Calls live in
 * memory only: after a crash or {@code kill -9} they are gone and their ids answer 404 like ids that never existed.
 * Each running emulator keeps a small file ({@code run-<pid>-<n>.state}) with its process, its start and its number
 * of live calls, refreshed every few seconds when it changes and deleted by a clean {@link #close}. A file whose
 * process is no longer running (or is another process with the same pid, as after a container restart) was left by
 * an unclean stop: the start that finds it logs what was lost and deletes it.
 */
final class RunRecord implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunRecord.class);
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private final Path file;
    private final String identity;
    private final IntSupplier liveCalls;
    private final Clock clock;
    private int written = -1;

    private RunRecord(Path file, String identity, IntSupplier liveCalls, Clock clock) {
        this.file = file;
        this.identity = identity;
        this.liveCalls = liveCalls;
        this.clock = clock;
    }

    /**
     * Reports the runs that ended uncleanly (a warning each, logged and added to {@code warnings}), then records this
     * one.
     */
    static RunRecord begin(Path dataDir, Clock clock, IntSupplier liveCalls, List<String> warnings) throws IOException {
        Files.createDirectories(dataDir);
        warnings.addAll(reportUncleanStops(dataDir));
        ProcessHandle self = ProcessHandle.current();
        Path file = dataDir.resolve("run-" + self.pid() + "-" + SERIAL.incrementAndGet() + ".state");
        RunRecord record = new RunRecord(file, "pid=" + self.pid() + "\nprocessStarted="
                + self.info().startInstant().map(Instant::toString).orElse("") + "\nstarted=" + clock.instant() + "\n",
                liveCalls, clock);
        record.refresh();
        return record;
    }

    /** Writes the number of live calls when it changed since the last write. Never throws. */
    void refresh() {
        int calls = liveCalls.getAsInt();
        if (calls == written) {
            return;
        }
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, identity + "liveCalls=" + calls + "\nupdated=" + clock.instant() + "\n",
                    StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written = calls;
        } catch (IOException e) {
            LOG.debug("Could not record the run in {}: {}", file, e.toString());
        }
    }

    /** A clean stop: nothing was lost, so nothing is left to report. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> reportUncleanStops(Path dataDir) throws IOException {
        List<String> warnings = new ArrayList<>();
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(dataDir, "run-*.state")) {
            for (Path run : runs) {
                Map<String, String> fields = read(run);
                if (fields == null || stillRunning(fields)) {
                    continue;
                }
                String warning = "The previous run of the emulator (pid " + fields.getOrDefault("pid", "?")
                        + ", started " + fields.getOrDefault("started", "?") + ") did not stop cleanly: its "
                        + fields.getOrDefault("liveCalls", "?") + " live call(s) as of "
                        + fields.getOrDefault("updated", "?") + " are gone, and their ids now answer 404 like ids "
                        + "that never existed.";
                LOG.warn(warning);
                warnings.add(warning);
                Files.deleteIfExists(run);
            }
        }
        return warnings;
    }

    private static Map<String, String> read(Path run) {
        try {
            Map<String, String> fields = new HashMap<>();
            for (String line : Files.readAllLines(run, StandardCharsets.UTF_8)) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    fields.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
            return fields;
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether the process that wrote the record still runs: the same pid, started at the same instant. */
    private static boolean stillRunning(Map<String, String> fields) {
        long pid;
        try {
            pid = Long.parseLong(fields.getOrDefault("pid", ""));
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return false;
        }
        String started = fields.getOrDefault("processStarted", "");
        return started.isEmpty() || process.get().info().startInstant().map(Instant::toString)
                .map(started::equals).orElse(true);
    }
}
