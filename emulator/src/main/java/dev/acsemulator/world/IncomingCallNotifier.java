package dev.acsemulator.world;

import dev.acsemulator.call.CallRegistry;
import dev.acsemulator.call.IncomingCallTicket;
import dev.acsemulator.call.Invitation;
import dev.acsemulator.delivery.eventgrid.EventGridPublisher;
import dev.acsemulator.delivery.eventgrid.EventGridSubscription;
import dev.acsemulator.events.IncomingCallEvent;

import java.util.List;

/**
 * Raises {@code Microsoft.Communication.IncomingCall} for an invitation whose target an application owns: a fresh
 * incomingCallContext is registered for this ringing, and the event is published to every matching subscription.
 */
public final class IncomingCallNotifier {

    private final CallRegistry registry;
    private final IncomingCallContexts contexts;
    private final EventGridPublisher publisher;

    public IncomingCallNotifier(CallRegistry registry, IncomingCallContexts contexts, EventGridPublisher publisher) {
        this.registry = registry;
        this.contexts = contexts;
        this.publisher = publisher;
    }

    public void notify(Invitation invitation, List<EventGridSubscription> subscriptions) {
        String context = contexts.next(invitation.call().serverCallId(), invitation.invitationId(),
                invitation.call().ids());
        registry.registerIncoming(context, new IncomingCallTicket(invitation, invitation.target()));
        IncomingCallEvent event = new IncomingCallEvent(invitation.target(), invitation.from(),
                invitation.callerDisplayName(), invitation.call().serverCallId(), context,
                invitation.call().correlationId(), invitation.sipHeaders(), invitation.voipHeaders());
        for (EventGridSubscription subscription : subscriptions) {
            publisher.publish(subscription, event, invitation.call().serverCallId(), invitation.call().ids().guid());
        }
    }
}
