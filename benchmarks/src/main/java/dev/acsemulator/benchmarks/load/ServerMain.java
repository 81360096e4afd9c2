package dev.acsemulator.benchmarks.load;

import dev.acsemulator.Emulator;
import dev.acsemulator.config.EmulatorConfig;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One server under test, in its own JVM so it can be pinned to its own core:
 * {@code emulator DATA_DIR}, {@code netty-fixed JSON_FILE}, {@code netty-post} or {@code netty-https DATA_DIR}.
 * Prints {@code READY http=PORT https=PORT} once it serves, then answers commands on standard input:
 * {@code heap} (used heap now), {@code gc} (used heap after full collections), {@code loopbusy-start} and
 * {@code loopbusy-report} (the emulator's event loop's busy stretches in between, {@link LoopBusyProbe}),
 * {@code exit}.
 */
public final class ServerMain {

    private ServerMain() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int httpPort = -1;
        int httpsPort = -1;
        AutoCloseable server;
        Emulator emulatorUnderTest = null;
        LoopBusyProbe loopBusy = null;
        switch (kind) {
            case "emulator" -> {
                Emulator emulator = Emulator.start(EmulatorConfig.builder()
                        .dataDir(Path.of(args[1]))
                        .httpPort(0)
                        .httpsPort(0)
                        .answerDelay(Duration.ZERO)
                        .ringTimeout(Duration.parse(System.getProperty("bench.ringTimeout", "PT5S")))
                        .endedCallRetention(Duration.parse(System.getProperty("bench.endedCallRetention", "PT10S")))
                        .activity(EmulatorConfig.ActivityStart.parse(System.getProperty("bench.activity",
                                "on-first-look")))
                        .build());
                httpPort = emulator.httpPort();
                httpsPort = emulator.httpsPort();
                server = emulator;
                emulatorUnderTest = emulator;
            }
            case "netty-fixed" -> {
                NettyBaselines baseline = NettyBaselines.fixedJson(Files.readAllBytes(Path.of(args[1])));
                httpPort = baseline.port();
                server = baseline;
            }
            case "netty-post" -> {
                NettyBaselines baseline = NettyBaselines.jsonPost();
                httpPort = baseline.port();
                server = baseline;
            }
            case "netty-https" -> {
                NettyBaselines baseline = NettyBaselines.bareHttps(Path.of(args[1]),
                        args.length > 2 ? Integer.parseInt(args[2]) : 0);
                httpsPort = baseline.port();
                server = baseline;
            }
            default -> throw new IllegalArgumentException("Unknown server kind " + kind);
        }
        System.out.println("READY http=" + httpPort + " https=" + httpsPort);
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = commands.readLine(); line != null; line = commands.readLine()) {
            switch (line.trim()) {
                case "heap" -> System.out.println("HEAP " + usedHeap());
                case "gc" -> {
                    for (int i = 0; i < 3; i++) {
                        System.gc();
                        Thread.sleep(200);
                    }
                    System.out.println("HEAP " + usedHeap());
                }
                case "loopbusy-start" -> {
                    loopBusy = emulatorUnderTest == null ? null
                            : LoopBusyProbe.start(emulatorUnderTest.eventLoops().get(0));
                    System.out.println("LOOPBUSY started=" + (loopBusy != null));
                }
                case "loopbusy-report" -> System.out.println(loopBusy == null ? "LOOPBUSY none" : loopBusy.report());
                case "exit" -> {
                    server.close();
                    System.out.println("BYE");
                    System.out.flush();
                    System.exit(0);
                }
                default -> System.out.println("ERROR unknown command " + line);
            }
            System.out.flush();
        }
        server.close();
        System.exit(0);
    }

    private static long usedHeap() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }
}
