package dev.acsemulator.conformance.support;

import dev.acsemulator.Emulator;
import dev.acsemulator.api.Route;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * After the suite: the coverage table, one row per operation of the route table, with how many of its requests the
 * suite saw succeed (its success status) and fail (4xx), written to {@code target/conformance-coverage.md}.
 */
public final class CoverageReport implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        Emulator emulator = EmulatorUnderTest.startedOrNull();
        if (emulator == null) {
            return;
        }
        Map<String, Map<Integer, Long>> seen = emulator.operationLog().snapshot();
        StringBuilder table = new StringBuilder("# Conformance coverage\n\n")
                .append("Generated from the route table by the conformance suite.\n\n")
                .append("| operation | method | path | success status | successes seen | 4xx seen | covered |\n")
                .append("|---|---|---|---|---|---|---|\n");
        int covered = 0;
        int implemented = 0;
        for (Route route : emulator.routes().routes()) {
            Map<Integer, Long> statuses = seen.getOrDefault(route.operationId(), Map.of());
            long successes = statuses.getOrDefault(route.successStatus(), 0L);
            long failures = statuses.entrySet().stream().filter(e -> e.getKey() >= 400 && e.getKey() < 500)
                    .mapToLong(Map.Entry::getValue).sum();
            boolean isImplemented = route.isImplemented();
            String verdict;
            if (!isImplemented) {
                verdict = "not implemented: answers 501";
            } else if (successes > 0 && failures > 0) {
                verdict = "yes";
                covered++;
            } else {
                verdict = "NO";
            }
            if (isImplemented) {
                implemented++;
            }
            table.append("| ").append(route.operationId()).append(" | ").append(route.method()).append(" | `")
                    .append(route.path()).append("` | ").append(route.successStatus()).append(" | ")
                    .append(successes).append(" | ").append(failures).append(" | ").append(verdict).append(" |\n");
        }
        table.append("\n").append(covered).append(" of ").append(implemented)
                .append(" implemented operations have both a success and a failure scenario.\n");
        try {
            Path report = Path.of("target", "conformance-coverage.md");
            Files.createDirectories(report.getParent());
            Files.writeString(report, table);
            System.out.println("Conformance coverage written to " + report.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
