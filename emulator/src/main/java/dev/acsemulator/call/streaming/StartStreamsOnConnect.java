package dev.acsemulator.call.streaming;

import dev.acsemulator.call.CallRegistry;
import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.CallEventSink;

/**
 * A decorator of the event sink: when a connection gets CallConnected, its media stream starts if its
 * {@code startMediaStreaming} option says so ("starts automatically as soon as the call is connected", Microsoft Learn
 * audio streaming quickstart). Events pass through unchanged, on the call's lane.
 */
public final class StartStreamsOnConnect implements CallEventSink {

    private final CallEventSink next;
    private final CallRegistry registry;
    private volatile MediaStreamingService streams;

    public StartStreamsOnConnect(CallEventSink next, CallRegistry registry) {
        this.next = next;
        this.registry = registry;
    }

    /** The streams to start (built after the call service this sink feeds). */
    public void startFrom(MediaStreamingService streams) {
        this.streams = streams;
    }

    @Override
    public void publish(CallEvent event) {
        next.publish(event);
        startIfConnected(event);
    }

    @Override
    public void publishTwice(CallEvent event) {
        next.publishTwice(event);
        startIfConnected(event);
    }

    @Override
    public void dropped(CallEvent event, String why) {
        next.dropped(event, why);
    }

    private void startIfConnected(CallEvent event) {
        MediaStreamingService current = streams;
        if (current != null && event instanceof CallEvent.CallConnected) {
            registry.connection(event.header().target().callConnectionId()).ifPresent(current::connected);
        }
    }
}
