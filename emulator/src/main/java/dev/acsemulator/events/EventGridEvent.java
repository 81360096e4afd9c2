package dev.acsemulator.events;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One system event of the emulated resource, before Event Grid puts it in a subscription's envelope.
 *
 * @param subject the Event Grid {@code subject} (IncomingCall: {@code /caller/<rawId>/recipient/<rawId>})
 * @param data    the event's {@code data}; never changed once built
 */
public record EventGridEvent(EventGridEventType type, String subject, ObjectNode data) {
}
