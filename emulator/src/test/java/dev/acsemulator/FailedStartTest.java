package dev.acsemulator;

import dev.acsemulator.config.EmulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A start that fails half-way leaves nothing behind: no bound listener, no thread. */
class FailedStartTest {

    @TempDir
    Path dataDir;

    @Test
    void aStartFailingOnATakenHttpPortUnbindsItsHttpsListenerAndEndsItsThreads() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        int freeHttpsPort = freePort(loopback);
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        try (ServerSocket taken = new ServerSocket(0, 50, loopback)) {
            EmulatorConfig config = EmulatorConfig.builder().dataDir(dataDir)
                    .httpsPort(freeHttpsPort).httpPort(taken.getLocalPort()).build();

            assertThatThrownBy(() -> Emulator.start(config)).isInstanceOf(UncheckedIOException.class)
                    .hasRootCauseInstanceOf(java.net.BindException.class);
        }

        try (ServerSocket https = new ServerSocket(freeHttpsPort, 50, loopback)) {
            assertThat(https.getLocalPort()).as("the HTTPS port, free again").isEqualTo(freeHttpsPort);
        }
        // Netty's shared GlobalEventExecutor thread, which notified the shutdown, ends by itself after a second idle.
        await().atMost(Duration.ofSeconds(10)).pollInSameThread().untilAsserted(() -> assertThat(threadsLeftBehind(threadsBefore))
                .as("threads the failed start left running").isEmpty());
    }

    /** Threads started since {@code before} that are still alive and would keep the JVM up or are the emulator's. */
    private static List<String> threadsLeftBehind(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.isAlive())
                .filter(thread -> !thread.isDaemon() || thread.getName().startsWith("acs-"))
                .map(Thread::getName)
                .toList();
    }

    private static int freePort(InetAddress address) throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 50, address)) {
            return probe.getLocalPort();
        }
    }
}
