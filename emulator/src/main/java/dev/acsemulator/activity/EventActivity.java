package dev.acsemulator.activity;

import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.CallEventSink;
import dev.acsemulator.call.event.EventTarget;

/**
 * A decorator on the calls' event sink: each callback event a call emits becomes an {@code event} item (from the
 * emulator to the application its callback URI names), kept with the event itself so its body can be shown, before
 * fault injection and delivery see it. What became of it is told by its {@code delivery} items.
 */
public final class EventActivity {

    private final ActivityBook book;

    public EventActivity(ActivityBook book) {
        this.book = book;
    }

    public CallEventSink around(CallEventSink next) {
        return new CallEventSink() {
            @Override
            public void publish(CallEvent event) {
                emitted(event);
                next.publish(event);
            }

            @Override
            public void publishTwice(CallEvent event) {
                emitted(event);
                next.publishTwice(event);
            }

            @Override
            public void dropped(CallEvent event, String why) {
                next.dropped(event, why);
            }
        };
    }

    private void emitted(CallEvent event) {
        EventTarget target = event.header().target();
        book.record(target.serverCallId(), new ActivityItem.Draft(ActivityKind.EVENT, ActivityItem.EMULATOR,
                Lifelines.app(target.callbackUri(), target.callConnectionId()), event.typeName(), null, null, null,
                event.header().eventId(), event.typeName(), target.callConnectionId(), null, null, null,
                new ActivityDetail.Event(event)));
    }
}
