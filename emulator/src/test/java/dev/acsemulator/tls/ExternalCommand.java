package dev.acsemulator.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command line to completion with empty standard input, merging its output streams. */
record ExternalCommand(int exitCode, String output) {

    private static final long TIMEOUT_SECONDS = 60;

    static ExternalCommand run(Path workDir, Map<String, String> environment, List<String> command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish");
        }
        return new ExternalCommand(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    static boolean isOnPath(String program, String versionFlag) {
        try {
            return run(Path.of("."), Map.of(), List.of(program, versionFlag)).exitCode() == 0;
        } catch (IOException notInstalled) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
