package dev.acsemulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.api.IdentifierRules;
import dev.acsemulator.call.CallInspector;
import dev.acsemulator.call.CallService;
import dev.acsemulator.call.CustomHeaders;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.PersonActions;
import dev.acsemulator.call.media.DtmfTone;
import dev.acsemulator.call.media.PersonInput;
import dev.acsemulator.call.CallView;
import dev.acsemulator.delivery.DeliveryJournal;
import dev.acsemulator.http.HttpResponseMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Calls as the control API sees them, and what simulated people do in them. */
final class CallTasks {

    private final CallInspector inspector;
    private final CallService calls;
    private final PersonActions people;
    private final DeliveryJournal deliveries;

    CallTasks(CallInspector inspector, CallService calls, PersonActions people, DeliveryJournal deliveries) {
        this.inspector = inspector;
        this.calls = calls;
        this.people = people;
        this.deliveries = deliveries;
    }

    CompletionStage<HttpResponseMessage> list(AdminTask.Request request) {
        return inspector.all().thenApply(views -> {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            for (CallView view : views) {
                list.add(AdminJson.call(view, false));
            }
            return ok(JsonNodeFactory.instance.objectNode().set("calls", list));
        });
    }

    CompletionStage<HttpResponseMessage> get(AdminTask.Request request) {
        return inspector.view(request.path("serverCallId")).thenApply(view -> ok(AdminJson.call(view, true)));
    }

    CompletionStage<HttpResponseMessage> byConnection(AdminTask.Request request) {
        return inspector.viewByConnection(request.path("callConnectionId"))
                .thenApply(view -> ok(AdminJson.call(view, true)));
    }

    /** Every prompt one participant heard in the call, oldest first. */
    CompletionStage<HttpResponseMessage> heard(AdminTask.Request request) {
        Identifier listener = person(request);
        return inspector.view(request.path("serverCallId")).thenApply(view -> ok(JsonNodeFactory.instance
                .objectNode().put("rawId", listener.rawId()).set("heard", AdminJson.heard(view.heard().stream()
                        .filter(prompt -> prompt.listener().equals(listener)).toList()))));
    }

    CompletionStage<HttpResponseMessage> deliveries(AdminTask.Request request) {
        String serverCallId = request.path("serverCallId");
        return inspector.view(serverCallId).thenApply(view -> ok(JsonNodeFactory.instance.objectNode()
                .set("attempts", AdminJson.deliveries(deliveries.forCall(serverCallId)))));
    }

    /** A simulated caller calls an application-owned identity: {@code {"from","to","callerDisplayName",...}}. */
    CompletionStage<HttpResponseMessage> inbound(AdminTask.Request request) {
        Identifier from = adminIdentifier(request.requiredText("from"), "from");
        Identifier to = adminIdentifier(request.requiredText("to"), "to");
        boolean given = request.body().has("sipHeaders") || request.body().has("voipHeaders");
        CustomHeaders headers = given ? new CustomHeaders(strings(request.body().get("sipHeaders")),
                strings(request.body().get("voipHeaders"))) : CustomHeaders.NONE;
        String displayName = request.optionalText("callerDisplayName");
        return calls.placeInboundCall(from, to, displayName == null ? from.rawId() : displayName, headers)
                .thenApply(serverCallId -> HttpResponseMessage.json(201, JsonNodeFactory.instance.objectNode()
                        .put("serverCallId", serverCallId).toString()));
    }

    CompletionStage<HttpResponseMessage> join(AdminTask.Request request) {
        return done(people.join(request.path("serverCallId"), adminIdentifier(request.requiredText("rawId"), "rawId")));
    }

    CompletionStage<HttpResponseMessage> hangUp(AdminTask.Request request) {
        return done(people.hangUp(request.path("serverCallId"), person(request)));
    }

    CompletionStage<HttpResponseMessage> hold(AdminTask.Request request) {
        return done(people.hold(request.path("serverCallId"), person(request), true));
    }

    CompletionStage<HttpResponseMessage> unhold(AdminTask.Request request) {
        return done(people.hold(request.path("serverCallId"), person(request), false));
    }

    /** {@code {"tones":["one","two","pound"]}}, the spec's tone names. */
    CompletionStage<HttpResponseMessage> sendDtmf(AdminTask.Request request) {
        JsonNode names = request.body().get("tones");
        if (names == null || !names.isArray() || names.isEmpty()) {
            throw ApiErrors.adminBadRequest("'tones' must be a non-empty array of tone names (zero..nine, a..d, "
                    + "pound, asterisk).");
        }
        List<DtmfTone> tones = new ArrayList<>(names.size());
        for (JsonNode name : names) {
            tones.add(DtmfTone.fromWireName(name.asText()).orElseThrow(() ->
                    ApiErrors.adminBadRequest("'" + name.asText() + "' is not a DTMF tone.")));
        }
        return done(people.input(request.path("serverCallId"), person(request), new PersonInput.Tones(tones)));
    }

    private static Identifier person(AdminTask.Request request) {
        return Identifier.fromRawId(request.path("rawId"));
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        }
        return map;
    }

    private static CompletionStage<HttpResponseMessage> done(CompletableFuture<Void> action) {
        return action.thenApply(ignored -> HttpResponseMessage.empty(204));
    }

    static HttpResponseMessage ok(JsonNode body) {
        return HttpResponseMessage.json(200, body.toString());
    }

    /** A raw id from a control API request: 400 in the control API's format when it names no identity. */
    private static Identifier adminIdentifier(String rawId, String field) {
        Identifier identifier = Identifier.fromRawId(rawId);
        String problem = IdentifierRules.problem(identifier);
        if (problem != null) {
            throw ApiErrors.adminBadRequest("'" + field + "' is not a valid raw id: " + problem + ".");
        }
        return identifier;
    }
}
