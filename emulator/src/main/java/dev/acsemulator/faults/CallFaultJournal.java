package dev.acsemulator.faults;

import dev.acsemulator.call.Call;
import dev.acsemulator.call.CallConnection;
import dev.acsemulator.call.CallRegistry;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Writes every applied fault into the journal of the call it struck, whatever its kind: a dropped, delayed,
 * duplicated or reordered event, a failed or slowed callback POST, an operation's error or latency, a replaced
 * outcome. The control API's journal of a call then tells the whole story of what was done to it.
 */
public final class CallFaultJournal implements Consumer<FaultRules.Applied> {

    private final CallRegistry registry;

    public CallFaultJournal(CallRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void accept(FaultRules.Applied applied) {
        FaultContext context = applied.context();
        call(context).ifPresent(call -> call.journal().record("fault", applied.ruleId(), applied.fault(), " on ",
                context.eventType() != null ? context.eventType()
                        : context.transportUrl() != null ? "stream " + context.transportUrl() : context.operation(),
                context.callConnectionId() != null ? " for connection " + context.callConnectionId() : "",
                context.target() != null ? " about " + context.target() : ""));
    }

    private Optional<Call> call(FaultContext context) {
        if (context.serverCallId() != null) {
            return registry.call(context.serverCallId());
        }
        return context.callConnectionId() == null ? Optional.empty()
                : registry.connection(context.callConnectionId()).map(CallConnection::call);
    }
}
