package dev.acsemulator.benchmarks.load;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server under test in its own JVM, pinned to one core with {@code taskset}: its ports, and its CPU time, resident
 * memory and heap as the kernel and the JVM report them.
 */
final class ServerProcess implements AutoCloseable {

    static final long CLOCK_TICKS_PER_SECOND = 100;

    final String name;
    final Process process;
    final int httpPort;
    final int httpsPort;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final BufferedWriter commands;

    private ServerProcess(String name, Process process, Duration readyTimeout) throws IOException, InterruptedException {
        this.name = name;
        this.process = process;
        this.commands = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, name + "-stdout");
        reader.setDaemon(true);
        reader.start();
        String ready = await("READY", readyTimeout);
        this.httpPort = Integer.parseInt(ready.replaceAll(".*http=(-?\\d+).*", "$1"));
        this.httpsPort = Integer.parseInt(ready.replaceAll(".*https=(-?\\d+).*", "$1"));
    }

    private record Duration(long millis) { }

    /** Starts {@code ServerMain kind args…} on {@code core} with the given heap options; waits until it serves. */
    static ServerProcess start(String name, int core, List<String> jvmOptions, String kind, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("taskset", "-c", String.valueOf(core), javaBinary()));
        command.addAll(jvmOptions);
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.addAll(List.of("-cp", ownClassPath(), ServerMain.class.getName(), kind));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new ServerProcess(name, process, new Duration(60_000));
    }

    /** Wraps a process started elsewhere (WireMock's own jar) that is ready once {@code port} answers. */
    static ServerProcess external(String name, Process process, int port) throws IOException, InterruptedException {
        return new ServerProcess(name, process, port);
    }

    private ServerProcess(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.httpPort = port;
        this.httpsPort = -1;
        this.commands = null;
    }

    long pid() {
        return process.pid();
    }

    /** User plus system CPU time of the whole process, in nanoseconds. */
    long cpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * (1_000_000_000L / CLOCK_TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Resident set size in bytes. */
    long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Used heap now ({@code gc=false}) or after full collections ({@code gc=true}); -1 when it cannot tell. */
    long heapBytes(boolean gc) {
        if (commands == null) {
            return -1;
        }
        try {
            commands.write(gc ? "gc\n" : "heap\n");
            commands.flush();
            String answer = await("HEAP", new Duration(60_000));
            return Long.parseLong(answer.substring(5).trim());
        } catch (IOException | InterruptedException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Starts ({@code report=false}) or stops and reports ({@code true}) the emulator's loop busy probe
     * ({@link LoopBusyProbe}); the answer's text, or why there is none.
     */
    String loopBusy(boolean report) {
        if (commands == null) {
            return "LOOPBUSY none: not a server started by ServerMain";
        }
        try {
            commands.write(report ? "loopbusy-report\n" : "loopbusy-start\n");
            commands.flush();
            return await("LOOPBUSY", new Duration(30_000));
        } catch (IOException | InterruptedException | RuntimeException e) {
            return "LOOPBUSY none: " + e;
        }
    }

    private String await(String prefix, Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout.millis());
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
            if (line == null && !process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + " before " + prefix);
            }
        }
        throw new IOException(name + " did not say " + prefix + " within " + timeout.millis() + " ms");
    }

    @Override
    public void close() {
        if (commands != null) {
            try {
                commands.write("exit\n");
                commands.flush();
            } catch (IOException ignored) {
                // already gone
            }
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String ownClassPath() {
        return System.getProperty("java.class.path");
    }
}
