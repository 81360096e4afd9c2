package dev.acsemulator.world;

import dev.acsemulator.call.Identifier;
import dev.acsemulator.delivery.eventgrid.EventGridSubscription;

import java.util.List;
import java.util.Set;

/**
 * Who answers a call to an identity. An ACS user, or a phone number the emulated resource owns, is owned by an
 * application when an Event Grid subscription delivers its IncomingCall (call-automation-behaviour.md §5.2); every
 * other identity is a simulated person.
 */
public final class IdentityDirectory {

    private final Set<String> ownedPhoneNumbers;
    private final List<EventGridSubscription> subscriptions = new java.util.concurrent.CopyOnWriteArrayList<>();

    public IdentityDirectory(Set<String> ownedPhoneNumbers, List<EventGridSubscription> subscriptions) {
        this.ownedPhoneNumbers = Set.copyOf(ownedPhoneNumbers);
        this.subscriptions.addAll(subscriptions);
    }

    /** Adds a subscription, or replaces the one with the same name. */
    public void subscribe(EventGridSubscription subscription) {
        unsubscribe(subscription.name());
        subscriptions.add(subscription);
    }

    public boolean unsubscribe(String name) {
        return subscriptions.removeIf(subscription -> subscription.name().equals(name));
    }

    public void resetSubscriptions(List<EventGridSubscription> configured) {
        subscriptions.clear();
        subscriptions.addAll(configured);
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

    public List<EventGridSubscription> subscriptionsFor(Identifier identity) {
        return subscriptions.stream().filter(subscription -> subscription.matches(identity)).toList();
    }

    public List<EventGridSubscription> subscriptions() {
        return List.copyOf(subscriptions);
    }
}
