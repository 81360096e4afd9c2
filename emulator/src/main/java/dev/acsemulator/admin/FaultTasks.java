package dev.acsemulator.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.faults.FaultJson;
import dev.acsemulator.faults.FaultRule;
import dev.acsemulator.faults.FaultRules;
import dev.acsemulator.http.HttpResponseMessage;
import dev.acsemulator.runtime.IdSource;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Fault rules: list them with every fault applied so far, add one, remove one, remove all. */
final class FaultTasks {

    private final FaultRules rules;
    private final List<FaultRule> configured;
    private final IdSource ids;

    FaultTasks(FaultRules rules, List<FaultRule> configured, IdSource ids) {
        this.rules = rules;
        this.configured = configured;
        this.ids = ids;
    }

    CompletionStage<HttpResponseMessage> list(AdminTask.Request request) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode list = body.putArray("rules");
        rules.rules().forEach(rule -> list.add(FaultJson.write(rule)));
        ArrayNode applied = body.putArray("applied");
        for (FaultRules.Applied fault : rules.journal()) {
            ObjectNode node = applied.addObject().put("time", fault.time().toString()).put("ruleId", fault.ruleId())
                    .put("fault", fault.fault());
            putIfSet(node, "operation", fault.context().operation());
            putIfSet(node, "eventType", fault.context().eventType());
            putIfSet(node, "callConnectionId", fault.context().callConnectionId());
            putIfSet(node, "serverCallId", fault.context().serverCallId());
            putIfSet(node, "target", fault.context().target());
            putIfSet(node, "transportUrl", fault.context().transportUrl());
        }
        return CompletableFuture.completedFuture(CallTasks.ok(body));
    }

    CompletionStage<HttpResponseMessage> add(AdminTask.Request request) {
        FaultRule rule;
        try {
            rule = FaultJson.read(request.body(), ids::guid);
        } catch (IllegalArgumentException e) {
            throw ApiErrors.adminBadRequest(e.getMessage());
        }
        rules.add(rule);
        return CompletableFuture.completedFuture(HttpResponseMessage.json(201, FaultJson.write(rule).toString()));
    }

    CompletionStage<HttpResponseMessage> remove(AdminTask.Request request) {
        if (!rules.remove(request.path("id"))) {
            throw ApiErrors.adminNotFound("No fault rule with id " + request.path("id") + ".");
        }
        return CompletableFuture.completedFuture(HttpResponseMessage.empty(204));
    }

    CompletionStage<HttpResponseMessage> clear(AdminTask.Request request) {
        rules.clear();
        return CompletableFuture.completedFuture(HttpResponseMessage.empty(204));
    }

    /** Back to the configured rules (control API reset). */
    void reset() {
        rules.clear();
        rules.clearJournal();
        configured.forEach(rule -> rules.add(rule.fresh()));
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
