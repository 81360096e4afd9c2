package dev.acsemulator.world;

import dev.acsemulator.call.Identifier;
import dev.acsemulator.delivery.eventgrid.EventGridSubscription;
import dev.acsemulator.delivery.eventgrid.SystemTopic;
import dev.acsemulator.events.EventGridEventType;

import java.util.List;
import java.util.Set;

/**
 * Who answers a call to an identity. An ACS user, or a phone number the emulated resource owns, is owned by an
 * application when an Event Grid subscription delivers its IncomingCall (call-automation-behaviour.md §5.2); every
 * other identity is a simulated person.
 */
public final class IdentityDirectory {

    private final Set<String> ownedPhoneNumbers;
    private final SystemTopic topic;

    public IdentityDirectory(Set<String> ownedPhoneNumbers, SystemTopic topic) {
        this.ownedPhoneNumbers = Set.copyOf(ownedPhoneNumbers);
        this.topic = topic;
    }

    /** Adds a subscription, or replaces the one with the same name. */
    public void subscribe(EventGridSubscription subscription) {
        topic.subscribe(subscription);
    }

    public boolean unsubscribe(String name) {
        return topic.unsubscribe(name);
    }

    public void resetSubscriptions(List<EventGridSubscription> configured) {
        topic.reset(configured);
    }

    public Set<String> ownedPhoneNumbers() {
        return ownedPhoneNumbers;
    }

    /** Whether calls to this identity raise IncomingCall (ACS users, and phone numbers this resource owns). */
    public boolean raisesIncomingCall(Identifier identity) {
        return identity.isCommunicationUser()
                || identity.isPhoneNumber() && ownedPhoneNumbers.contains(identity.phoneNumber());
    }

    public boolean isApplicationOwned(Identifier identity) {
        return raisesIncomingCall(identity) && !subscriptionsFor(identity).isEmpty();
    }

    /** The subscriptions that receive the IncomingCall of a call to this identity. */
    public List<EventGridSubscription> subscriptionsFor(Identifier identity) {
        return topic.subscribersOf(EventGridEventType.INCOMING_CALL, identity);
    }

    public List<EventGridSubscription> subscriptions() {
        return topic.subscriptions();
    }
}
