package dev.acsemulator.activity;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.call.CallConnection;
import dev.acsemulator.call.CallRegistry;
import dev.acsemulator.faults.FaultContext;
import dev.acsemulator.faults.FaultRules;

import java.util.function.Consumer;

/**
 * Told of every fault applied: a {@code fault} item in the call it struck (when it struck one) and a {@code fault}
 * event on the feed, for the page's list of what fired.
 */
public final class FaultActivity implements Consumer<FaultRules.Applied> {

    private final ActivityBook book;
    private final CallRegistry registry;

    public FaultActivity(ActivityBook book, CallRegistry registry) {
        this.book = book;
        this.registry = registry;
    }

    @Override
    public void accept(FaultRules.Applied applied) {
        if (!book.recording().isOn()) {
            return;
        }
        FaultContext context = applied.context();
        String serverCallId = context.serverCallId() != null ? context.serverCallId()
                : context.callConnectionId() == null ? null : registry.connection(context.callConnectionId())
                        .map(CallConnection::call).map(call -> call.serverCallId()).orElse(null);
        String on = context.eventType() != null ? context.eventType() : context.operation();
        book.record(serverCallId, draft(applied.fault() + " on " + on, applied.ruleId(), context.eventType(),
                context.callConnectionId(), context.operation()));
        book.feed().publish("fault", serverCallId, () -> json(applied, serverCallId).toString());
    }

    /**
     * The item of a fault that struck: as it strikes, or rebuilt from the call's journal ({@code what}: the fault
     * and what it struck, as the journal tells it).
     */
    static ActivityItem.Draft draft(String what, String ruleId, String eventType, String callConnectionId,
                                    String operation) {
        return new ActivityItem.Draft(ActivityKind.FAULT, ActivityItem.EMULATOR, ActivityItem.EMULATOR,
                what + " (rule " + ruleId + ")", null, null, null, null, eventType, callConnectionId, null, null,
                operation, null);
    }

    private static ObjectNode json(FaultRules.Applied applied, String serverCallId) {
        FaultContext context = applied.context();
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("time", applied.time().toString())
                .put("ruleId", applied.ruleId()).put("fault", applied.fault());
        node.put("serverCallId", serverCallId).put("callConnectionId", context.callConnectionId())
                .put("operation", context.operation()).put("eventType", context.eventType())
                .put("target", context.target());
        return node;
    }
}
