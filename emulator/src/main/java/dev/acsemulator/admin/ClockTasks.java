package dev.acsemulator.admin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.http.HttpResponseMessage;
import dev.acsemulator.runtime.TimeKeeping;
import dev.acsemulator.runtime.VirtualTimeLanes;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The emulator's clock: read it, and move virtual time forward. */
final class ClockTasks {

    private final TimeKeeping time;

    ClockTasks(TimeKeeping time) {
        this.time = time;
    }

    CompletionStage<HttpResponseMessage> get(AdminTask.Request request) {
        String mode = time.virtual().map(lanes -> lanes.mode() == VirtualTimeLanes.Mode.AUTO ? "virtual" : "manual")
                .orElse("real");
        return CompletableFuture.completedFuture(CallTasks.ok(JsonNodeFactory.instance.objectNode()
                .put("mode", mode).put("now", time.domainClock().instant().toString())));
    }

    /** {@code {"by": "PT30S"}}: runs everything that falls due, then answers with the new time. */
    CompletionStage<HttpResponseMessage> advance(AdminTask.Request request) {
        VirtualTimeLanes lanes = time.virtual().orElseThrow(() -> ApiErrors.adminBadRequest(
                "The clock is real; start the emulator with --clock=virtual or --clock=manual to move it."));
        Duration by;
        try {
            by = Duration.parse(request.requiredText("by"));
        } catch (DateTimeParseException e) {
            throw ApiErrors.adminBadRequest("'by' must be an ISO-8601 duration such as PT30S.");
        }
        if (by.isNegative()) {
            throw ApiErrors.adminBadRequest("Time only moves forward.");
        }
        return lanes.advance(by).thenApply(now -> CallTasks.ok(JsonNodeFactory.instance.objectNode()
                .put("now", now.toString())));
    }
}
