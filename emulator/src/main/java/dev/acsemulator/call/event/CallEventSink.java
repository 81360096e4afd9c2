package dev.acsemulator.call.event;

/** Receives the events a call emits, in emission order per connection. Implementations must not block. */
@FunctionalInterface
public interface CallEventSink {
    void publish(CallEvent event);
}
