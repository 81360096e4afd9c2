package dev.acsemulator.delivery.eventgrid;

import dev.acsemulator.call.Identifier;
import dev.acsemulator.events.EventGridEventType;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The emulated resource's Event Grid system topic: its webhook subscriptions, and which of them an event goes to.
 * Every system event the emulator publishes is routed here by its type ({@code includedEventTypes}) and, for events
 * about a call to someone, by its recipient ({@code data.to.rawId} advanced filters).
 */
public final class SystemTopic {

    private final List<EventGridSubscription> subscriptions = new CopyOnWriteArrayList<>();

    public SystemTopic(List<EventGridSubscription> configured) {
        subscriptions.addAll(configured);
    }

    /** Adds a subscription, or replaces the one with the same name. */
    public void subscribe(EventGridSubscription subscription) {
        unsubscribe(subscription.name());
        subscriptions.add(subscription);
    }

    public boolean unsubscribe(String name) {
        return subscriptions.removeIf(subscription -> subscription.name().equals(name));
    }

    /** Back to exactly these subscriptions. */
    public void reset(List<EventGridSubscription> configured) {
        subscriptions.clear();
        subscriptions.addAll(configured);
    }

    public List<EventGridSubscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    /**
     * The subscriptions an event of this type goes to; {@code to} is the recipient of the call it is about, null for
     * an event with no recipient.
     */
    public List<EventGridSubscription> subscribersOf(EventGridEventType type, Identifier to) {
        if (subscriptions.isEmpty()) { // asked for every call to an ACS user: most emulators have no subscription
            return List.of();
        }
        return subscriptions.stream().filter(subscription -> subscription.receives(type, to)).toList();
    }
}
