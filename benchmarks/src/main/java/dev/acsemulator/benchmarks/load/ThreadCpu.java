package dev.acsemulator.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A process's CPU time per kind of thread, read from {@code /proc/<pid>/task/<tid>/stat} (Linux): the emulator's event
 * loops, the JIT compilers, the VM thread and collector threads, and the rest. The difference of two snapshots says
 * where a stretch of work's CPU went; a thread that ended between them is not counted (the emulator's threads live as
 * long as it does).
 */
record ThreadCpu(Map<Kind, Long> nanosByKind) {

    /** What a thread does, told from its name (the kernel keeps the first 15 characters). */
    enum Kind {
        EVENT_LOOP("event loop (HTTP, lanes, webhooks)"),
        JIT("JIT compilers"),
        GC_AND_VM("collector and VM thread"),
        OTHER("other threads");

        final String description;

        Kind(String description) {
            this.description = description;
        }

        static Kind of(String threadName) {
            if (threadName.startsWith("acs-loop")) {
                return EVENT_LOOP;
            }
            if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
                return JIT;
            }
            if (threadName.startsWith("VM Thread") || threadName.startsWith("GC ") || threadName.startsWith("G1 ")) {
                return GC_AND_VM;
            }
            return OTHER;
        }
    }

    static ThreadCpu of(long pid) {
        Map<Kind, Long> byKind = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            byKind.put(kind, 0L);
        }
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    byKind.merge(Kind.of(name), ticks * (1_000_000_000L / ServerProcess.CLOCK_TICKS_PER_SECOND),
                            Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended while the list was read
                }
            });
        } catch (IOException e) {
            return new ThreadCpu(Map.of());
        }
        return new ThreadCpu(byKind);
    }

    /** The CPU seconds per kind spent since {@code before}. */
    Map<String, Double> secondsSince(ThreadCpu before) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        nanosByKind.forEach((kind, nanos) -> seconds.put(kind.description,
                (nanos - before.nanosByKind.getOrDefault(kind, 0L)) / 1e9));
        return seconds;
    }
}
