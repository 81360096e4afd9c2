package dev.acsemulator.activity;

import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.CallEventSink;
import dev.acsemulator.call.event.EventTarget;

/**
 * A decorator on the calls' event sink: each callback event a call emits becomes an {@code event} item (from the
 * emulator to the application its callback URI names), before fault injection and delivery see it; while someone reads
 * the feed the event itself is kept too, so its body can be shown. What became of it is told by its {@code delivery} items.
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
                if (book.recording().isOn()) {
                    emitted(event);
                }
                next.publish(event);
            }

            @Override
            public void publishTwice(CallEvent event) {
                if (book.recording().isOn()) {
                    emitted(event);
                }
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
        book.record(target.serverCallId(), draft(target.callbackUri(), target.callConnectionId(), event.typeName(),
                event.header().eventId(), book.feed().hasSubscribers() ? new ActivityDetail.Event(event) : null));
    }

    /** The item of an event emitted to {@code callbackUri}: as it is emitted, or rebuilt from the call's journal. */
    static ActivityItem.Draft draft(String callbackUri, String callConnectionId, String typeName, String eventId,
                                    ActivityDetail detail) {
        return new ActivityItem.Draft(ActivityKind.EVENT, ActivityItem.EMULATOR,
                Lifelines.app(callbackUri, callConnectionId), typeName, null, null, null, eventId, typeName,
                callConnectionId, null, null, null, detail);
    }
}
