package dev.acsemulator.benchmarks.micro;

import dev.acsemulator.api.RequestTarget;
import dev.acsemulator.benchmarks.AbstractMicrobenchmark;
import dev.acsemulator.call.CallConnectionSnapshot;
import dev.acsemulator.call.Commands;
import dev.acsemulator.call.CustomHeaders;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.http.HttpRequestMessage;
import dev.acsemulator.http.HttpResponseMessage;
import dev.acsemulator.http.RequestHandler;
import dev.acsemulator.logging.AccessLog;
import dev.acsemulator.logging.EmulatorLogging;
import dev.acsemulator.logging.LogLevel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The whole REST path of a signed GetCall without sockets: the access log, auth, api-version, route, the call's
 * lane, response shaping and rendering. The difference to the sum of the parts is the lane hand-off and the futures.
 * {@code logLevel} is the emulator's {@code --log-level}: at {@code info} every request's line goes through the log
 * queue to slf4j-simple, which writes it to a temporary file on its own thread.
 */
public class ApiRequestBenchmark extends AbstractMicrobenchmark {

    @Param({"off", "info"})
    public String logLevel;

    private InProcessApi world;
    private EmulatorLogging logging;
    private RequestHandler handler;
    private HttpRequestMessage get;
    private Path logFile;

    @Setup
    public void setUp() throws IOException {
        LogLevel level = LogLevel.parse(logLevel);
        if (level != LogLevel.OFF) {
            // Before the first logger exists: slf4j-simple reads its settings once.
            logFile = Files.createTempFile("access-benchmark", ".log");
            System.setProperty("org.slf4j.simpleLogger.logFile", logFile.toString());
            System.setProperty("org.slf4j.simpleLogger.log." + AccessLog.LOGGER_NAME, level.wireName());
        }
        logging = new EmulatorLogging(level);
        world = new InProcessApi(event -> { });
        handler = logging.access().around(request -> world.api.handle(request,
                RequestTarget.parse(request.rawTarget())));
        Identifier callee = Identifier.communicationUser("8:acs:" + Fixtures.RESOURCE_ID
                + "_00000000-0000-0000-0000-000000000001");
        CallConnectionSnapshot call = world.calls.createCall(new Commands.CreateCall(List.of(callee), null, null, null,
                "http://127.0.0.1:3000/api/callbacks", null, Fixtures.API_VERSION, CustomHeaders.NONE, null)).join();
        String rawTarget = "/calling/callConnections/" + call.callConnectionId() + "?api-version=" + Fixtures.API_VERSION;
        get = Fixtures.signed("GET", rawTarget, "");
        HttpResponseMessage first = world.api.handle(get, RequestTarget.parse(rawTarget)).join();
        if (first.status() != 200) {
            throw new IllegalStateException("GetCall answered " + first.status() + ": " + new String(first.body()));
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        world.close();
        logging.close();
        if (logFile != null) {
            System.out.printf("%nlog lines dropped because the queue was full: %d; written: %d bytes%n",
                    logging.dropped(), Files.size(logFile));
            Files.delete(logFile);
        }
    }

    @Benchmark
    public HttpResponseMessage signedGetCall() {
        return handler.handle(get).toCompletableFuture().join();
    }
}
