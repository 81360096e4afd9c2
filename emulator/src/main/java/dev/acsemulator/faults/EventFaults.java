package dev.acsemulator.faults;

import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.CallEventSink;
import dev.acsemulator.call.event.EventTarget;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import dev.acsemulator.runtime.LaneSource;

import java.time.Duration;

/**
 * Decorates the event sink with what the real service is seen to do on its own (call-automation-behaviour.md §6):
 * drop an event, delay it (so later ones overtake it), send it twice with the same id, or shuffle a connection's
 * events within a window. Everything else passes straight through.
 */
public final class EventFaults implements CallEventSink {

    private final CallEventSink next;
    private final FaultRules rules;
    private final LaneSource lanes;
    private final Map<String, List<CallEvent>> reorderWindows = new ConcurrentHashMap<>();

    /** @param next where events go, faulted or not */
    public EventFaults(CallEventSink next, FaultRules rules, LaneSource lanes) {
        this.next = next;
        this.rules = rules;
        this.lanes = lanes;
    }

    @Override
    public void publish(CallEvent event) {
        EventTarget target = event.header().target();
        String connection = target.callConnectionId();
        synchronized (reorderWindows) {
            List<CallEvent> window = reorderWindows.get(connection);
            if (window != null) {
                window.add(event);
                return;
            }
        }
        Optional<Fault> fault = rules.pick(Fault.Site.EVENT, new FaultContext(null, event.typeName(), connection,
                target.serverCallId(), event.about().map(Identifier::rawId).orElse(null)));
        if (fault.isEmpty()) {
            next.publish(event);
        } else if (fault.get() instanceof Fault.DropEvent) {
            next.dropped(event, "dropped by a fault rule");
        } else if (fault.get() instanceof Fault.DelayEvent delay) {
            long millis;
            synchronized (rules.random()) {
                millis = delay.delay().sample(rules.random()).toMillis();
            }
            lanes.forKey(target.serverCallId()).schedule(Duration.ofMillis(millis), () -> next.publish(event));
        } else if (fault.get() instanceof Fault.DuplicateEvent) {
            next.publishTwice(event);
        } else if (fault.get() instanceof Fault.ReorderEvents reorder) {
            openWindow(target.serverCallId(), connection, event, reorder.windowMillis());
        } else {
            next.publish(event);
        }
    }

    private void openWindow(String serverCallId, String connection, CallEvent first, long windowMillis) {
        synchronized (reorderWindows) {
            List<CallEvent> window = new ArrayList<>();
            window.add(first);
            reorderWindows.put(connection, window);
        }
        lanes.forKey(serverCallId).schedule(Duration.ofMillis(windowMillis), () -> {
            List<CallEvent> held;
            synchronized (reorderWindows) {
                held = reorderWindows.remove(connection);
            }
            synchronized (rules.random()) {
                Collections.shuffle(held, new java.util.Random(rules.random().nextLong()));
            }
            held.forEach(next::publish);
        });
    }
}
