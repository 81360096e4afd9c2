package dev.acsemulator.activity;

import dev.acsemulator.delivery.DeliveryJournal;
import dev.acsemulator.events.EventGridEventType;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Reads the delivery journal as attempts are recorded: each POST of a callback event is a {@code delivery} item, each
 * POST of an Event Grid event an {@code eventgrid} item, with the URL's application as its lifeline, the attempt's
 * number, status and outcome ({@code dropped} for an event a fault stopped, attempt 0).
 */
public final class DeliveryActivity implements BiConsumer<String, DeliveryJournal.AttemptRecord> {

    private static final Set<String> EVENT_GRID_TYPES = EnumSet.allOf(EventGridEventType.class).stream()
            .map(EventGridEventType::shortName).collect(Collectors.toUnmodifiableSet());

    private final ActivityBook book;

    public DeliveryActivity(ActivityBook book) {
        this.book = book;
    }

    @Override
    public void accept(String serverCallId, DeliveryJournal.AttemptRecord attempt) {
        if (book.recording().isOn()) {
            book.record(serverCallId, draft(attempt));
        }
    }

    /** The item of one attempt, as recorded when it is made or rebuilt from the delivery journal. */
    static ActivityItem.Draft draft(DeliveryJournal.AttemptRecord attempt) {
        boolean eventGrid = EVENT_GRID_TYPES.contains(attempt.eventType());
        String outcome = attempt.outcome().wireName();
        String label = attempt.eventType() + " #" + attempt.attempt() + " "
                + (attempt.status() > 0 ? attempt.status() + " " : "") + outcome
                + (attempt.error() != null ? ": " + attempt.error() : "");
        return new ActivityItem.Draft(eventGrid ? ActivityKind.EVENTGRID : ActivityKind.DELIVERY,
                ActivityItem.EMULATOR, Lifelines.app(attempt.url(), null), label,
                attempt.status() > 0 ? attempt.status() : null, null, null, attempt.eventId(), attempt.eventType(),
                null, outcome, attempt.attempt(), null, null);
    }
}
