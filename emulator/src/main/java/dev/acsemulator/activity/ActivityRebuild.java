package dev.acsemulator.activity;

import dev.acsemulator.call.Call;
import dev.acsemulator.call.CallConnection;
import dev.acsemulator.call.CallJournal;
import dev.acsemulator.call.CallRegistry;
import dev.acsemulator.delivery.DeliveryJournal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The activity of a call that began before recording did, rebuilt from what the emulator keeps anyway: the call's
 * journal (its states, people, media, the events it emitted and the faults that struck it) and its delivery
 * attempts, merged in time order at their own times. It opens with one note saying from when activity was recorded
 * and that REST requests before are not shown: nothing keeps them per call (the operation log counts requests by
 * operation and status only).
 */
final class ActivityRebuild {

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final ActivityBook book;
    private final CallRegistry registry;
    private final DeliveryJournal deliveries;
    private final JournalActivity journalLines;

    ActivityRebuild(ActivityBook book, CallRegistry registry, DeliveryJournal deliveries) {
        this.book = book;
        this.registry = registry;
        this.deliveries = deliveries;
        this.journalLines = new JournalActivity(book);
    }

    /** The note that opens a rebuilt activity. */
    static String recordedFrom(Instant since) {
        return "recorded from " + CLOCK_TIME.format(since) + " UTC, when the activity was first looked at: "
                + "REST requests before are not shown";
    }

    /**
     * The call's activity rebuilt, put in the book ({@link ActivityBook#opened}) before it is filled so that what
     * happens meanwhile off the call's lane waits on its lock and comes after its past. On the call's lane.
     */
    CallActivity of(Call call, Instant since) {
        List<CallJournal.Entry> lines = call.journal().entries();
        Instant first = lines.isEmpty() ? since : lines.get(0).time();
        CallActivity activity = book.newActivity(call.serverCallId(), first);
        synchronized (activity) {
            book.opened(activity);
            List<DeliveryJournal.AttemptRecord> attempts = deliveries.forCall(call.serverCallId());
            boolean[] named = new boolean[attempts.size()];
            book.record(activity, ActivityItem.Draft.of(ActivityKind.STATE, ActivityItem.EMULATOR,
                    ActivityItem.EMULATOR, recordedFrom(since)), first);
            int next = 0;
            for (CallJournal.Entry line : lines) {
                while (next < attempts.size() && attempts.get(next).time().isBefore(line.time())) {
                    book.record(activity, DeliveryActivity.draft(attempts.get(next)), attempts.get(next).time());
                    next++;
                }
                switch (line.kind()) {
                    case "event" -> book.record(activity, event(line, attempts, named), line.time());
                    case "fault" -> book.record(activity,
                            FaultActivity.draft(line.detail(), line.subject(), null, null, null), line.time());
                    default -> journalLines.apply(activity, line.kind(), line.subject(), line.detail(), line.time());
                }
            }
            for (; next < attempts.size(); next++) {
                book.record(activity, DeliveryActivity.draft(attempts.get(next)), attempts.get(next).time());
            }
        }
        return activity;
    }

    /**
     * An event's journal line ({@code subject} its connection, {@code detail} its type) as an event item, its id
     * taken from the first attempt to deliver it that no earlier line took: same type, first try, same callback URI,
     * not before it; none when no attempt is kept.
     */
    private ActivityItem.Draft event(CallJournal.Entry line, List<DeliveryJournal.AttemptRecord> attempts,
                                     boolean[] named) {
        String callbackUri = registry.connection(line.subject()).map(CallConnection::callbackUri).orElse(null);
        String eventId = null;
        for (int i = 0; i < attempts.size() && eventId == null; i++) {
            DeliveryJournal.AttemptRecord attempt = attempts.get(i);
            if (!named[i] && attempt.attempt() <= 1 && attempt.eventType().equals(line.detail())
                    && !attempt.time().isBefore(line.time())
                    && (callbackUri == null || callbackUri.equals(attempt.url()))) {
                named[i] = true;
                eventId = attempt.eventId();
            }
        }
        return EventActivity.draft(callbackUri, line.subject(), line.detail(), eventId, null);
    }
}
