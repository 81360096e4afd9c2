package dev.acsemulator.call;

import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.CallEventSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every published event, in publication order; safe to read from the test thread while lanes publish. */
final class RecordingEventSink implements CallEventSink {

    private final List<CallEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void publish(CallEvent event) {
        events.add(event);
    }

    /** The events addressed to one call connection, in order. */
    List<CallEvent> of(String callConnectionId) {
        return events.stream()
                .filter(event -> event.header().target().callConnectionId().equals(callConnectionId))
                .toList();
    }

    /** The event type names addressed to one call connection, in order. */
    List<String> typesOf(String callConnectionId) {
        return of(callConnectionId).stream().map(CallEvent::typeName).toList();
    }

    /** The events of one type addressed to one call connection, in order. */
    <T extends CallEvent> List<T> of(String callConnectionId, Class<T> type) {
        return of(callConnectionId).stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The one event of a type addressed to a connection; fails when there is none or several. */
    <T extends CallEvent> T single(String callConnectionId, Class<T> type) {
        List<T> matching = of(callConnectionId, type);
        if (matching.size() != 1) {
            throw new AssertionError("Expected one " + type.getSimpleName() + " for " + callConnectionId + " but got "
                    + typesOf(callConnectionId));
        }
        return matching.get(0);
    }
}
