package dev.acsemulator.logging;

import dev.acsemulator.http.HttpRequestMessage;
import dev.acsemulator.http.HttpResponseMessage;
import dev.acsemulator.http.RequestHandler;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessLogTest {

    private static final String CREATED = "{\"callConnectionId\":\"421f0b00-5f3e-4d6a-9c1e-6b1f3e1f0a01\","
            + "\"source\":{\"rawId\":\"8:acs:x\",\"kind\":\"communicationUser\"},\"serverCallId\":\"aHR0cHM6Ly9h\","
            + "\"callConnectionState\":\"connecting\"}";

    private final CapturingLogger framework = new CapturingLogger(AccessLog.LOGGER_NAME, Level.TRACE);
    /** Each request takes 4.2 ms by this ticker: start, then start + 4.2 ms. */
    private final AtomicLong ticks = new AtomicLong();

    private AccessLog accessLog(LogLevel configured) {
        return new AccessLog(new GatedLogger(framework, configured, LineWriter.IMMEDIATE),
                () -> ticks.getAndAdd(4_200_000));
    }

    private static HttpRequestMessage request(String method, String target, String clientRequestId) {
        Map<String, String> headers = new HashMap<>();
        if (clientRequestId != null) {
            headers.put("x-ms-client-request-id", clientRequestId);
        }
        return new HttpRequestMessage(method, target, headers, new byte[0], "https", 8443);
    }

    private static RequestHandler answering(HttpResponseMessage response) {
        return request -> CompletableFuture.completedFuture(response);
    }

    @Test
    void aCreateCallIsOneInfoLineWithStatusDurationRequestIdAndTheIdsOfTheCallItCreated() {
        RequestHandler handler = accessLog(LogLevel.INFO).around(answering(HttpResponseMessage.json(201, CREATED)));

        handler.handle(request("POST", "/calling/callConnections?api-version=2025-06-15", "a48426f6-7bae"));

        assertThat(framework.lines()).singleElement().satisfies(line -> {
            assertThat(line.level()).isEqualTo(Level.INFO);
            assertThat(line.message()).isEqualTo("POST /calling/callConnections?api-version=2025-06-15 201 4.2 ms"
                    + " requestId=a48426f6-7bae callConnectionId=421f0b00-5f3e-4d6a-9c1e-6b1f3e1f0a01"
                    + " serverCallId=aHR0cHM6Ly9h");
        });
    }

    @Test
    void theCallIdsADecoratorWithinItNotedAreShownWithoutBeingWorkedOutAgain() {
        List<LogLine> written = new ArrayList<>();
        HttpResponseMessage created = HttpResponseMessage.json(201, CREATED);
        List<CallReference> noted = new ArrayList<>();
        RequestHandler activity = request -> {
            CallReference reference = CallReference.noted(request, created);
            assertThat(reference.serverCallId()).isEqualTo("aHR0cHM6Ly9h");
            noted.add(reference);
            return CompletableFuture.completedFuture(created);
        };
        AccessLog log = new AccessLog(new GatedLogger(framework, LogLevel.INFO, written::add), () -> 0);

        log.around(activity).handle(request("POST", "/calling/callConnections?api-version=2025-06-15", "r-1"));

        assertThat(written).singleElement().satisfies(line -> {
            assertThat(line.arguments()[5]).isSameAs(noted.get(0));
            assertThat(line.arguments()[5]).hasToString(" callConnectionId=421f0b00-5f3e-4d6a-9c1e-6b1f3e1f0a01"
                    + " serverCallId=aHR0cHM6Ly9h");
        });
    }

    @Test
    void aRequestNoDecoratorNotedHasItsCallIdsWorkedOutForTheLine() {
        List<LogLine> written = new ArrayList<>();
        AccessLog log = new AccessLog(new GatedLogger(framework, LogLevel.INFO, written::add), () -> 0);
        HttpRequestMessage request = request("GET", "/admin/calls/aHR0cHM6Ly9h", null);

        log.around(answering(HttpResponseMessage.json(200, "{}"))).handle(request);

        assertThat(written).singleElement().satisfies(line ->
                assertThat(line.arguments()[5]).hasToString(" serverCallId=aHR0cHM6Ly9h"));
    }

    @Test
    void aRequestOnAConnectionNamesTheConnectionFromItsPath() {
        RequestHandler handler = accessLog(LogLevel.INFO).around(answering(HttpResponseMessage.empty(204)));

        handler.handle(request("POST", "/calling/callConnections/421f0b00:terminate?api-version=2025-06-15", "r-1"));
        handler.handle(request("GET", "/calling/callConnections/421f0b00/participants?api-version=2025-06-15",
                null));

        assertThat(framework.messages()).containsExactly(
                "POST /calling/callConnections/421f0b00:terminate?api-version=2025-06-15 204 4.2 ms requestId=r-1"
                        + " callConnectionId=421f0b00",
                "GET /calling/callConnections/421f0b00/participants?api-version=2025-06-15 204 4.2 ms requestId=-"
                        + " callConnectionId=421f0b00");
    }

    @Test
    void aControlApiRequestNamesTheCallOrConnectionOfItsPathOrItsAnswer() {
        AccessLog log = accessLog(LogLevel.INFO);

        log.around(answering(HttpResponseMessage.json(200, "[]")))
                .handle(request("GET", "/admin/calls/aHR0cHM6Ly9h/deliveries", null));
        log.around(answering(HttpResponseMessage.json(200, "{}")))
                .handle(request("GET", "/admin/connections/421f0b00", null));
        log.around(answering(HttpResponseMessage.json(201, "{\"serverCallId\":\"aHR0cHM6Ly9i\"}")))
                .handle(request("POST", "/admin/calls:inbound", null));
        log.around(answering(HttpResponseMessage.json(200, "{\"calls\":[{\"serverCallId\":\"nested\"}]}")))
                .handle(request("GET", "/admin/calls", null));

        assertThat(framework.messages()).containsExactly(
                "GET /admin/calls/aHR0cHM6Ly9h/deliveries 200 4.2 ms requestId=- serverCallId=aHR0cHM6Ly9h",
                "GET /admin/connections/421f0b00 200 4.2 ms requestId=- callConnectionId=421f0b00",
                "POST /admin/calls:inbound 201 4.2 ms requestId=- serverCallId=aHR0cHM6Ly9i",
                "GET /admin/calls 200 4.2 ms requestId=-");
    }

    @Test
    void aServerErrorADroppedConnectionAndAFailedHandlerAreWarnings() {
        AccessLog log = accessLog(LogLevel.INFO);

        log.around(answering(HttpResponseMessage.json(503, "{}"))).handle(request("DELETE", "/calling/x", null));
        log.around(answering(HttpResponseMessage.closeConnection(false))).handle(request("GET", "/calling/y", null));
        log.around(answering(HttpResponseMessage.closeConnection(true))).handle(request("GET", "/calling/z", null));
        log.around(request -> CompletableFuture.failedFuture(new IllegalStateException("bug")))
                .handle(request("GET", "/calling/w", null));

        assertThat(framework.lines()).extracting(CapturingLogger.Line::level).containsOnly(Level.WARN);
        assertThat(framework.messages()).containsExactly(
                "DELETE /calling/x 503 4.2 ms requestId=-",
                "GET /calling/y dropped 4.2 ms requestId=-",
                "GET /calling/z reset 4.2 ms requestId=-",
                "GET /calling/w 500 4.2 ms requestId=-");
    }

    @Test
    void aHandlerThatThrowsIsLoggedAndItsExceptionPassesThrough() {
        RequestHandler handler = accessLog(LogLevel.INFO).around(request -> {
            throw new IllegalStateException("bug");
        });

        assertThatThrownBy(() -> handler.handle(request("GET", "/calling/v", null)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(framework.messages()).containsExactly("GET /calling/v 500 4.2 ms requestId=-");
    }

    @Test
    void healthProbesAreDebugLinesSoTheyStayOutOfAnInfoLog() {
        RequestHandler handler = accessLog(LogLevel.INFO).around(answering(HttpResponseMessage.json(200, "{}")));

        handler.handle(request("GET", "/health", null));

        assertThat(framework.lines()).isEmpty();
        accessLog(LogLevel.DEBUG).around(answering(HttpResponseMessage.json(200, "{}")))
                .handle(request("GET", "/health", null));
        assertThat(framework.lines()).extracting(CapturingLogger.Line::level).containsExactly(Level.DEBUG);
    }

    @Test
    void atWarnOnlyServerErrorsAreLogged() {
        AccessLog log = accessLog(LogLevel.WARN);

        log.around(answering(HttpResponseMessage.json(201, CREATED))).handle(request("POST", "/calling/a", null));
        log.around(answering(HttpResponseMessage.json(500, "{}"))).handle(request("POST", "/calling/b", null));

        assertThat(framework.messages()).containsExactly("POST /calling/b 500 4.2 ms requestId=-");
    }

    @Test
    void atOffTheHandlersAnswerIsPassedOnUntouchedAndNothingIsTimed() {
        CompletableFuture<HttpResponseMessage> answer = CompletableFuture.completedFuture(
                HttpResponseMessage.json(500, "{}"));
        RequestHandler handler = accessLog(LogLevel.OFF).around(request -> answer);

        CompletionStage<HttpResponseMessage> passed = handler.handle(request("GET", "/calling/a", null));

        assertThat(passed).isSameAs(answer);
        assertThat(ticks).hasValue(0);
        assertThat(framework.lines()).isEmpty();
    }

    @Test
    void theLoggingFrameworksOwnLevelGatesTheLinesToo() {
        CapturingLogger warnOnly = new CapturingLogger(AccessLog.LOGGER_NAME, Level.WARN);
        AccessLog log = new AccessLog(new GatedLogger(warnOnly, LogLevel.INFO, LineWriter.IMMEDIATE),
                ticks::incrementAndGet);

        log.around(answering(HttpResponseMessage.json(200, "{}"))).handle(request("GET", "/calling/a", null));

        assertThat(warnOnly.lines()).isEmpty();
    }
}
