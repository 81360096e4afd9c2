package dev.acsemulator.world;

import dev.acsemulator.call.CallRegistry;
import dev.acsemulator.call.CausingRequest;
import dev.acsemulator.call.IncomingCallTicket;
import dev.acsemulator.call.Invitation;
import dev.acsemulator.delivery.eventgrid.EventGridPublisher;
import dev.acsemulator.delivery.eventgrid.EventGridSubscription;
import dev.acsemulator.events.EventGridEvent;
import dev.acsemulator.events.EventGridEventWriter;
import dev.acsemulator.events.IncomingCallEvent;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Raises {@code Microsoft.Communication.IncomingCall} for an invitation whose target an application owns: a fresh
 * incomingCallContext is registered for this ringing at once, and the event is published to every matching
 * subscription when {@link EventGridLatency} says it is due: Event Grid's latency after now, and never before the
 * answer to the request that caused it (the real service answers long before Event Grid delivers).
 */
public final class IncomingCallNotifier {

    private final CallRegistry registry;
    private final IncomingCallContexts contexts;
    private final EventGridEventWriter writer;
    private final EventGridPublisher publisher;
    private final EventGridLatency latency;

    public IncomingCallNotifier(CallRegistry registry, IncomingCallContexts contexts, EventGridEventWriter writer,
                                EventGridPublisher publisher, EventGridLatency latency) {
        this.registry = registry;
        this.contexts = contexts;
        this.writer = writer;
        this.publisher = publisher;
        this.latency = latency;
    }

    public void notify(Invitation invitation, List<EventGridSubscription> subscriptions) {
        String context = contexts.next(invitation.call().serverCallId(), invitation.invitationId(),
                invitation.call().ids());
        IncomingCallTicket ticket = IncomingCallTicket.ofRinging(invitation);
        registry.registerIncoming(context, ticket);
        EventGridEvent event = writer.incomingCall(new IncomingCallEvent(ticket.to(), ticket.from(),
                invitation.presentedDisplayName(), invitation.call().serverCallId(), context,
                invitation.call().correlationId(), invitation.customContext()));
        CompletionStage<Void> due = latency.due(CausingRequest.answered(), invitation.call().lane());
        for (EventGridSubscription subscription : subscriptions) {
            publisher.publish(subscription, event, invitation.call().serverCallId(), invitation.call().ids().guid(),
                    due);
        }
    }
}
