package dev.acsemulator.logging;

import dev.acsemulator.http.HttpRequestMessage;
import dev.acsemulator.http.HttpResponseMessage;
import dev.acsemulator.http.RequestHandler;

import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * One line per request, on the logger {@value #LOGGER_NAME}, as a decorator around the emulator's request handler:
 * <pre>
 * POST /calling/callConnections?api-version=2025-06-15 201 4.2 ms requestId=a48426f6-... callConnectionId=... serverCallId=...
 * </pre>
 * method, request target, status ({@code dropped} or {@code reset} when a fault rule closed the connection instead),
 * time from the request reaching the handler to its answer, the client's {@code x-ms-client-request-id} ({@code -}
 * when it sent none), and the call ids the request names ({@link CallReference}: worked out on the log writer's
 * thread, or taken as the activity decorator within this one noted them on the request). Answers are logged at INFO; 5xx
 * answers, unanswered requests and handler failures at WARN; {@code GET /health} at DEBUG, so a container's health
 * probe does not fill the log.
 */
public final class AccessLog {

    public static final String LOGGER_NAME = "dev.acsemulator.access";

    private static final String LINE = "{} {} {} {} ms requestId={}{}";

    private final GatedLogger log;
    private final LongSupplier nanoTime;

    /** @param nanoTime a monotonic ticker in nanoseconds ({@code System::nanoTime}) */
    public AccessLog(GatedLogger log, LongSupplier nanoTime) {
        this.log = log;
        this.nanoTime = nanoTime;
    }

    /** {@code handler}, with every request it answers logged. */
    public RequestHandler around(RequestHandler handler) {
        return request -> {
            if (!log.enabled(LogLevel.WARN)) {
                return handler.handle(request);
            }
            long started = nanoTime.getAsLong();
            CompletionStage<HttpResponseMessage> answer;
            try {
                answer = handler.handle(request);
            } catch (RuntimeException e) {
                answered(request, null, started);
                throw e;
            }
            return answer.whenComplete((response, error) -> answered(request, error == null ? response : null,
                    started));
        };
    }

    /** {@code response} null: the handler failed, and the edge answers 500. */
    private void answered(HttpRequestMessage request, HttpResponseMessage response, long started) {
        LogLevel level = levelOf(request, response);
        if (!log.enabled(level)) {
            return;
        }
        long elapsed = nanoTime.getAsLong() - started;
        String clientRequestId = request.header("x-ms-client-request-id");
        log.write(level, LINE, request.method(), request.rawTarget(), statusText(response),
                new Millis(elapsed), clientRequestId == null ? "-" : clientRequestId,
                CallReference.of(request, response));
    }

    private static LogLevel levelOf(HttpRequestMessage request, HttpResponseMessage response) {
        if (response == null || response.disposition() != HttpResponseMessage.Disposition.RESPOND
                || response.status() >= 500) {
            return LogLevel.WARN;
        }
        if (request.method().equals("GET") && request.rawTarget().equals("/health")) {
            return LogLevel.DEBUG;
        }
        return LogLevel.INFO;
    }

    private static Object statusText(HttpResponseMessage response) {
        if (response == null) {
            return 500;
        }
        return switch (response.disposition()) {
            case RESPOND -> response.status();
            case DROP -> "dropped";
            case RESET -> "reset";
        };
    }
}
