package dev.acsemulator.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A process's CPU time per thread, read from {@code /proc/<pid>/task/<tid>/stat} (Linux), told apart by kind: the
 * emulator's event loops, the JIT compilers, the VM thread and collector threads, and the rest. The difference of two
 * snapshots says where a stretch of work's CPU went, thread by thread; a thread that ended between them (the JVM starts
 * and stops compiler threads as its queue grows and shrinks) took its time with it, so that time is reported apart, as
 * the process's own total minus what the living threads account for.
 */
record ThreadCpu(long processNanos, Map<Long, Thread> threads) {

    /** One thread's kind and CPU time. */
    record Thread(Kind kind, long nanos) { }

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

    static ThreadCpu of(ServerProcess process) {
        Map<Long, Thread> threads = new LinkedHashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    threads.put(Long.parseLong(task.getFileName().toString()), new Thread(Kind.of(name),
                            ticks * (1_000_000_000L / ServerProcess.CLOCK_TICKS_PER_SECOND)));
                } catch (IOException | RuntimeException e) {
                    // the thread ended while the list was read
                }
            });
        } catch (IOException e) {
            return new ThreadCpu(process.cpuNanos(), Map.of());
        }
        return new ThreadCpu(process.cpuNanos(), threads);
    }

    /** The CPU seconds per kind spent since {@code before}, and those of threads that ended meanwhile. */
    Map<String, Double> secondsSince(ThreadCpu before) {
        Map<Kind, Long> byKind = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            byKind.put(kind, 0L);
        }
        long accounted = 0;
        for (Map.Entry<Long, Thread> thread : threads.entrySet()) {
            Thread earlier = before.threads.get(thread.getKey());
            long spent = thread.getValue().nanos() - (earlier == null ? 0 : earlier.nanos());
            byKind.merge(thread.getValue().kind(), spent, Long::sum);
            accounted += spent;
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        byKind.forEach((kind, nanos) -> seconds.put(kind.description, nanos / 1e9));
        seconds.put("threads that ended", Math.max(0, processNanos - before.processNanos - accounted) / 1e9);
        return seconds;
    }
}
