package dev.acsemulator.logging;

import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LogQueueTest {

    @Test
    void linesAreWrittenInOrderOnTheWriterThreadNotTheCallers() {
        CapturingLogger framework = new CapturingLogger("test", Level.INFO);
        try (LogQueue queue = new LogQueue(16)) {
            for (int i = 1; i <= 3; i++) {
                queue.write(new LogLine(framework, LogLevel.INFO, "line {}", i));
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> framework.lines().size() == 3);
        }
        assertThat(framework.messages()).containsExactly("line 1", "line 2", "line 3");
        assertThat(framework.lines()).extracting(CapturingLogger.Line::thread)
                .containsOnly("acs-emulator-log-writer");
    }

    @Test
    void whenTheWriterIsStuckNewLinesAreDroppedAndCountedWithoutBlockingTheCaller() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CapturingLogger framework = new CapturingLogger("test", Level.INFO);
        Object stuckStream = new Object() {
            @Override
            public String toString() {
                writing.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "slow";
            }
        };
        try (LogQueue queue = new LogQueue(4)) {
            queue.write(new LogLine(framework, LogLevel.INFO, "{}", stuckStream));
            assertThat(writing.await(10, TimeUnit.SECONDS)).as("the writer took the first line").isTrue();

            for (int i = 1; i <= 10; i++) {
                queue.write(new LogLine(framework, LogLevel.INFO, "line {}", i));
            }

            assertThat(queue.dropped()).isEqualTo(6);
            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> framework.lines().size() == 5);
        }
        assertThat(framework.messages()).containsExactly("slow", "line 1", "line 2", "line 3", "line 4");
    }

    @Test
    void closingWritesWhatIsStillWaitingAndDropsWhatComesAfter() {
        CapturingLogger framework = new CapturingLogger("test", Level.INFO);
        LogQueue queue = new LogQueue(1024);
        for (int i = 0; i < 100; i++) {
            queue.write(new LogLine(framework, LogLevel.INFO, "line {}", i));
        }

        queue.close();
        queue.write(new LogLine(framework, LogLevel.INFO, "too late"));

        assertThat(framework.lines()).hasSize(100);
        assertThat(queue.dropped()).isEqualTo(1);
    }
}
