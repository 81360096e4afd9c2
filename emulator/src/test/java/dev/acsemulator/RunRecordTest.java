package dev.acsemulator;

import dev.acsemulator.config.EmulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** After an unclean stop, the next start says what was lost (issue 14, finding 10). */
class RunRecordTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    private List<Path> runFiles() throws Exception {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(file -> file.getFileName().toString().startsWith("run-")).toList();
        }
    }

    /** The record a process that has since died left behind, as a kill -9 leaves it. */
    private void recordOfADeadRun(int liveCalls) throws Exception {
        Process finished = new ProcessBuilder("java", "-version").redirectErrorStream(true).start();
        finished.getInputStream().readAllBytes();
        finished.waitFor();
        Files.writeString(dataDir.resolve("run-" + finished.pid() + "-1.state"), "pid=" + finished.pid()
                + "\nprocessStarted=2026-12-07T11:00:00Z\nstarted=2026-12-07T11:00:01Z\nliveCalls=" + liveCalls
                + "\nupdated=2026-12-07T11:59:58Z\n");
    }

    @Test
    void aStartAfterAnUncleanStopSaysHowManyLiveCallsWereLostAndForgetsTheRecord() throws Exception {
        recordOfADeadRun(3);

        try (Emulator emulator = Emulator.start(EmulatorConfig.builder().dataDir(dataDir)
                .options("--https-port=-1", "--http-port=0", "--clock=manual").build())) {
            assertThat(emulator.startWarnings()).anySatisfy(warning -> assertThat(warning)
                    .contains("did not stop cleanly", "3 live call(s)", "2026-12-07T11:59:58Z", "404"));
            assertThat(runFiles()).hasSize(1);
        }
        assertThat(runFiles()).as("a clean stop leaves nothing to report").isEmpty();
    }

    @Test
    void aRunningEmulatorsRecordIsNotMistakenForAnUncleanStop() throws Exception {
        List<String> first = new ArrayList<>();
        try (RunRecord running = RunRecord.begin(dataDir, CLOCK, () -> 2, first)) {
            List<String> second = new ArrayList<>();
            try (RunRecord alongside = RunRecord.begin(dataDir, CLOCK, () -> 0, second)) {
                assertThat(second).isEmpty();
                assertThat(runFiles()).hasSize(2);
            }
        }
        assertThat(first).isEmpty();
    }

    @Test
    void theRecordFollowsTheNumberOfLiveCalls() throws Exception {
        AtomicInteger live = new AtomicInteger(1);
        try (RunRecord record = RunRecord.begin(dataDir, CLOCK, live::get, new ArrayList<>())) {
            assertThat(Files.readString(runFiles().get(0))).contains("liveCalls=1");

            live.set(7);
            record.refresh();

            assertThat(Files.readString(runFiles().get(0))).contains("liveCalls=7", "pid=" + ProcessHandle.current()
                    .pid());
        }
    }
}
