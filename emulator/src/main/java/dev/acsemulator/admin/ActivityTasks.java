package dev.acsemulator.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.activity.ActivityBook;
import dev.acsemulator.activity.ActivityFeed;
import dev.acsemulator.activity.ActivityItem;
import dev.acsemulator.activity.ActivityJson;
import dev.acsemulator.activity.ActivityKind;
import dev.acsemulator.activity.CallActivity;
import dev.acsemulator.activity.MermaidDiagram;
import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.call.CallInspector;
import dev.acsemulator.delivery.DeliveryJournal;
import dev.acsemulator.http.HttpResponseMessage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What the dashboard reads: the live feed, a call's activity, one item in full, the export and the diagram. Each is a
 * look: the first one starts the recording of activity ({@link dev.acsemulator.activity.ActivityRecording}).
 */
final class ActivityTasks {

    private final CallInspector inspector;
    private final ActivityBook book;
    private final ActivityJson json;
    private final DeliveryJournal deliveries;

    ActivityTasks(CallInspector inspector, ActivityBook book, ActivityJson json, DeliveryJournal deliveries) {
        this.inspector = inspector;
        this.book = book;
        this.json = json;
        this.deliveries = deliveries;
    }

    /** {@code text/event-stream} of every call, or of {@code ?call=} only (404 when that call is not known). */
    CompletionStage<HttpResponseMessage> feed(AdminTask.Request request) {
        String serverCallId = request.query().get("call");
        book.recording().looked();
        CompletionStage<Void> known = serverCallId == null ? CompletableFuture.completedFuture(null)
                : inspector.view(serverCallId).thenCompose(view -> book.read(serverCallId)).thenApply(found -> null);
        return known.thenApply(ignored -> HttpResponseMessage.streaming("text/event-stream; charset=utf-8",
                book.feed().subscribe(serverCallId, () -> {
                    List<String> frames = new ArrayList<>();
                    book.summaries().stream()
                            .filter(summary -> serverCallId == null || summary.serverCallId().equals(serverCallId))
                            .forEach(summary -> frames.add(ActivityFeed.frame("call",
                                    ActivityJson.summary(summary).toString())));
                    return frames;
                })).withHeader("X-Accel-Buffering", "no"));
    }

    /** {@code {"serverCallId","dropped","items":[...]}}: the items kept so far, or those after {@code ?after=}. */
    CompletionStage<HttpResponseMessage> activity(AdminTask.Request request) {
        String serverCallId = request.path("serverCallId");
        long after = number(request.query().get("after"), "after", 0);
        return inspector.view(serverCallId).thenCompose(view -> book.read(serverCallId)).thenApply(found -> {
            CallActivity activity = found.orElse(null);
            List<ActivityItem> items = activity == null ? List.of() : activity.itemsAfter(after);
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("serverCallId", serverCallId)
                    .put("dropped", activity == null ? 0 : activity.dropped());
            body.set("items", ActivityJson.items(serverCallId, items));
            return CallTasks.ok(body);
        });
    }

    /** One item in full: a request with both bodies, an event with its body and every attempt to deliver it. */
    CompletionStage<HttpResponseMessage> item(AdminTask.Request request) {
        String serverCallId = request.path("serverCallId");
        long seq = number(request.path("seq"), "seq", -1);
        return inspector.view(serverCallId).thenCompose(view -> book.read(serverCallId)).thenApply(found -> {
            ActivityItem item = found.flatMap(activity -> activity.item(seq)).orElseThrow(() ->
                    ApiErrors.adminNotFound("Call " + serverCallId + " keeps no activity item " + seq + "."));
            ObjectNode body = json.full(serverCallId, item);
            if (item.kind() == ActivityKind.EVENT) {
                body.set("attempts", AdminJson.deliveries(deliveries.forCall(serverCallId).stream()
                        .filter(attempt -> attempt.eventId().equals(item.eventId())).toList()));
            }
            return CallTasks.ok(body);
        });
    }

    /** The call, its journal and heard prompts, its activity and its delivery attempts, as one JSON document. */
    CompletionStage<HttpResponseMessage> export(AdminTask.Request request) {
        String serverCallId = request.path("serverCallId");
        return inspector.view(serverCallId).thenCompose(view -> book.read(serverCallId).thenApply(found -> {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.set("call", AdminJson.call(view, true));
            ArrayNode items = JsonNodeFactory.instance.arrayNode();
            found.ifPresent(activity -> activity.items()
                    .forEach(item -> items.add(json.full(serverCallId, item))));
            body.set("activity", items);
            body.set("deliveries", AdminJson.deliveries(deliveries.forCall(serverCallId)));
            return CallTasks.ok(body).withHeader("Content-Disposition",
                    "attachment; filename=\"call-" + serverCallId + ".json\"");
        }));
    }

    /** The call as Mermaid {@code sequenceDiagram} text. */
    CompletionStage<HttpResponseMessage> diagram(AdminTask.Request request) {
        String serverCallId = request.path("serverCallId");
        return inspector.view(serverCallId).thenCompose(view -> book.read(serverCallId)).thenApply(found -> {
            List<ActivityItem> items = found.map(CallActivity::items).orElse(List.of());
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "text/plain; charset=utf-8");
            return new HttpResponseMessage(200, headers,
                    MermaidDiagram.of(serverCallId, items).getBytes(StandardCharsets.UTF_8));
        });
    }

    private static long number(String text, String name, long absent) {
        if (text == null) {
            return absent;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiErrors.adminBadRequest("'" + name + "' must be a whole number of zero or more.");
    }
}
