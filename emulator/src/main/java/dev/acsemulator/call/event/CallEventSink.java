package dev.acsemulator.call.event;

/** Receives the events a call emits, in emission order per connection. Implementations must not block. */
@FunctionalInterface
public interface CallEventSink {
    void publish(CallEvent event);

    /** The same event delivered twice: the same bytes, as a real duplicate delivery is. */
    default void publishTwice(CallEvent event) {
        publish(event);
        publish(event);
    }

    /** The event will never be sent ({@code why} says what stopped it); a sink that journals deliveries says so. */
    default void dropped(CallEvent event, String why) {
    }
}
