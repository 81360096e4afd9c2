package dev.acsemulator.faults;

import dev.acsemulator.api.ApiException;
import dev.acsemulator.api.ConnectionDropException;
import dev.acsemulator.api.Operation;
import dev.acsemulator.api.OperationDecorator;
import dev.acsemulator.api.Route;
import dev.acsemulator.call.CausingRequest;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Decorates REST operations with the faults that strike them: an error answer instead of acting (with
 * {@code Retry-After} for 429 and 503 when the rule gives one), or an added latency, scheduled, never slept. A rule's
 * {@code target} matches the identity the request body names in the fields its route declares
 * ({@link Route#targetFields}).
 */
public final class OperationFaults implements OperationDecorator {

    private final FaultRules rules;
    private final ScheduledExecutorService scheduler;

    public OperationFaults(FaultRules rules, ScheduledExecutorService scheduler) {
        this.rules = rules;
        this.scheduler = scheduler;
    }

    @Override
    public Operation decorate(Route route) {
        return request -> {
            Optional<Fault> fault = rules.pick(Fault.Site.OPERATION, context(route, request));
            if (fault.isEmpty()) {
                return route.operation().handle(request);
            }
            if (fault.get() instanceof Fault.HttpError error) {
                Map<String, String> headers = error.retryAfterSeconds() == null ? Map.of()
                        : Map.of("Retry-After", Integer.toString(error.retryAfterSeconds()));
                throw new ApiException(error.status(), error.code(), error.message(), headers);
            }
            if (fault.get() instanceof Fault.Latency latency) {
                long delay = sample(latency);
                CompletableFuture<Operation.Result> later = new CompletableFuture<>();
                scheduler.schedule(CausingRequest.carried(() -> {
                    try {
                        route.operation().handle(request).whenComplete((result, error) -> {
                            if (error != null) {
                                later.completeExceptionally(error);
                            } else {
                                later.complete(result);
                            }
                        });
                    } catch (RuntimeException e) {
                        later.completeExceptionally(e);
                    }
                }), delay, TimeUnit.MILLISECONDS);
                return later;
            }
            if (fault.get() instanceof Fault.DropConnection drop) {
                throw new ConnectionDropException(drop.reset());
            }
            return route.operation().handle(request);
        };
    }

    private long sample(Fault.Latency latency) {
        synchronized (rules.random()) {
            return latency.delay().sample(rules.random()).toMillis();
        }
    }

    private static FaultContext context(Route route, Operation.Request request) {
        return new FaultContext(route.operationId(), null, request.path("callConnectionId"), null,
                route.targetRawId(request.body()));
    }
}
