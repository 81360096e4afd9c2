package dev.acsemulator.activity;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.acsemulator.api.ApiException;
import dev.acsemulator.api.ApiService;
import dev.acsemulator.api.RequestTarget;
import dev.acsemulator.api.RouteTable;
import dev.acsemulator.call.CallConnection;
import dev.acsemulator.call.CallRegistry;
import dev.acsemulator.http.HttpRequestMessage;
import dev.acsemulator.http.HttpResponseMessage;
import dev.acsemulator.logging.CallReference;
import dev.acsemulator.http.RequestHandler;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A decorator on the emulator's request handler, beside the access log: each Call Automation request that names a
 * call (by its path's connection, or, for CreateCall, AnswerCall and Connect, by its answer) becomes a {@code request}
 * item from the application to the emulator, with its operation, status, latency and, while someone reads the feed,
 * both bodies (kept by reference, bounded); a control API request that changed the clock or the world is announced on the feed ({@code clock},
 * {@code world}). Requests that name no call cost one prefix test; while activity is not recorded
 * ({@link ActivityRecording}), every request costs one volatile read.
 */
public final class RestActivity {

    private static final String CALLING = "/calling/";
    private static final String ADMIN = "/admin/";

    private final ActivityBook book;
    private final RouteTable routes;
    private final CallRegistry registry;
    private final LongSupplier nanoTime;
    private final Clock clock;

    /**
     * @param clock    the emulator's clock, which times the request's arrival
     * @param nanoTime a monotonic ticker in nanoseconds, as the access log's, for latencies
     */
    public RestActivity(ActivityBook book, RouteTable routes, CallRegistry registry, Clock clock,
                        LongSupplier nanoTime) {
        this.clock = clock;
        this.book = book;
        this.routes = routes;
        this.registry = registry;
        this.nanoTime = nanoTime;
    }

    public RequestHandler around(RequestHandler next) {
        return request -> {
            if (!book.recording().isOn()) {
                return next.handle(request);
            }
            String target = request.rawTarget();
            boolean calling = target.startsWith(CALLING);
            if (!calling && !(target.startsWith(ADMIN) && !request.method().equals("GET"))) {
                return next.handle(request);
            }
            if (!calling) {
                return next.handle(request).whenComplete((response, error) -> {
                    if (response != null) {
                        changed(request, response);
                    }
                });
            }
            CausingRequests.InFlight inFlight = new CausingRequests.InFlight(clock.instant(), nanoTime.getAsLong());
            book.causing().arrived(request.responseWritten(), inFlight);
            try {
                return next.handle(request).whenComplete((response, error) -> {
                    book.causing().answered(request.responseWritten());
                    answered(request, response, inFlight);
                });
            } catch (RuntimeException e) {
                book.causing().answered(request.responseWritten());
                throw e;
            }
        };
    }

    /** {@code response} null: the handler failed (the edge answers 500). */
    private void answered(HttpRequestMessage request, HttpResponseMessage response, CausingRequests.InFlight inFlight) {
        long elapsedNanos = nanoTime.getAsLong() - inFlight.startedNanos;
        if (response == null) {
            response = HttpResponseMessage.json(500, new byte[0]);
        }
        CallReference reference = CallReference.noted(request, response);
        String callConnectionId = reference.callConnectionId();
        Optional<CallConnection> connection = callConnectionId == null ? Optional.empty()
                : registry.connection(callConnectionId);
        String serverCallId = reference.serverCallId() != null ? reference.serverCallId()
                : connection.map(CallConnection::call).map(call -> call.serverCallId()).orElse(null);
        if (serverCallId == null && inFlight.reserved.isEmpty()) {
            return;
        }
        String operation = operation(request);
        boolean watched = book.feed().hasSubscribers();
        boolean answeredAtAll = response.disposition() == HttpResponseMessage.Disposition.RESPOND;
        String app = Lifelines.app(connection.map(CallConnection::callbackUri).orElse(null), callConnectionId);
        String label = operation + " " + (answeredAtAll ? String.valueOf(response.status())
                : response.disposition().name().toLowerCase(java.util.Locale.ROOT));
        book.recordRequest(serverCallId, inFlight, new ActivityItem.Draft(ActivityKind.REQUEST, app, ActivityItem.EMULATOR, label,
                answeredAtAll ? response.status() : null, Math.round(elapsedNanos / 1e4) / 100.0, null, null, null,
                callConnectionId,
                answeredAtAll ? null : response.disposition().name().toLowerCase(java.util.Locale.ROOT),
                null, operation, new ActivityDetail.Exchange(request.method(), request.rawTarget(),
                watched ? BoundedBody.of(request.body()) : BoundedBody.NOT_KEPT,
                watched ? BoundedBody.of(response.body()) : BoundedBody.NOT_KEPT,
                request.header("x-ms-client-request-id"))));
    }

    /**
     * The operationId the route table serves the request with, as the API noted it when it matched the route; else
     * (a request refused before its route was looked up) the table's answer, or the method and path when none does.
     */
    private String operation(HttpRequestMessage request) {
        String matched = request.notes().get(ApiService.OPERATION);
        if (matched != null) {
            return matched;
        }
        String path = RequestTarget.parse(request.rawTarget()).rawPath();
        try {
            RouteTable.Match match = routes.lookup(request.method(), path);
            return match != null ? match.route().operationId() : request.method() + " " + path;
        } catch (ApiException e) {
            return request.method() + " " + path;
        }
    }

    /** A control API request that changed the clock or the world, announced when anyone reads the feed. */
    private void changed(HttpRequestMessage request, HttpResponseMessage response) {
        if (!book.feed().hasSubscribers() || response.status() < 200 || response.status() >= 300) {
            return;
        }
        String path = RequestTarget.parse(request.rawTarget()).rawPath();
        if (path.startsWith("/admin/clock")) {
            book.feed().publish("clock", null, () -> new String(response.body(), StandardCharsets.UTF_8));
            return;
        }
        String what = path.startsWith("/admin/identities") ? "identities"
                : path.startsWith("/admin/eventgrid/") ? "subscriptions"
                : path.startsWith("/admin/faults") ? "faults"
                : path.equals("/admin/reset") ? "reset" : null;
        if (what != null) {
            book.feed().publish("world", null, () -> JsonNodeFactory.instance.objectNode().put("changed", what)
                    .put("method", request.method()).put("path", path).put("status", response.status()).toString());
        }
    }
}
