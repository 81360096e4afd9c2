package dev.acsemulator.activity;

import dev.acsemulator.call.CallJournal;

import java.time.Instant;
import java.util.Set;

/**
 * Reads the calls' journals as they are written and turns their lines into activity: state changes, people's actions
 * and media operations. Events and faults are not read here: their own taps know more ({@link EventActivity},
 * {@link FaultActivity}). A change of the call's state, roster or connections also publishes the call's summary.
 * While activity is not recorded ({@link ActivityRecording}) the journals do not even tell it their lines.
 */
public final class JournalActivity implements CallJournal.Observer {

    /** The states that end a media operation (PlayState, RecognizeState, SendDtmfState, ... in wire case). */
    private static final Set<String> MEDIA_ENDS = Set.of("completed", "failed", "canceled", "ended_with_call",
            "ended_with_connection", "stopped", "ended");

    private final ActivityBook book;
    /** Whether it reads the journals of calls begun after the first look, whose first line begins their activity. */
    private final boolean callsBegunAfterTheLook;

    /**
     * Reads the journals of calls begun before the first look (or of every call, when recording from the start):
     * a line of a call without an activity has it rebuilt ({@link ActivityBook#activityOf}).
     */
    public JournalActivity(ActivityBook book) {
        this(book, false);
    }

    private JournalActivity(ActivityBook book, boolean callsBegunAfterTheLook) {
        this.book = book;
        this.callsBegunAfterTheLook = callsBegunAfterTheLook;
    }

    /** Reads the journals of calls begun after the first look: their first line begins their activity. */
    static JournalActivity ofCallsBegunAfterTheLook(ActivityBook book) {
        return new JournalActivity(book, true);
    }

    @Override
    public boolean listening() {
        return book.recording().isOn();
    }

    @Override
    public void recorded(String serverCallId, String kind, String subject, String detail) {
        if (kind.equals("event") || kind.equals("fault") || !book.recording().isOn()) {
            return;
        }
        CallActivity activity = callsBegunAfterTheLook ? book.activityOfNewCall(serverCallId)
                : book.activityOf(serverCallId);
        if (activity != null) {
            apply(activity, kind, subject, detail, null);
        }
    }

    /**
     * Turns one journal line (not an event's or a fault's) into {@code activity}'s items: a line written now
     * ({@code at} null), or a line of the call's past, at its own time, when its activity is rebuilt.
     */
    void apply(CallActivity activity, String kind, String subject, String detail, Instant at) {
        switch (kind) {
            case "roster" -> {
                if (detail.equals("joined")) {
                    activity.joined(subject);
                } else if (detail.equals("left")) {
                    activity.left(subject);
                }
                book.record(activity, ActivityItem.Draft.of(ActivityKind.PERSON, subject, ActivityItem.EMULATOR,
                        detail), at);
                book.changed(activity);
            }
            case "person", CallJournal.INPUT -> book.record(activity,
                    ActivityItem.Draft.of(ActivityKind.PERSON, subject, ActivityItem.EMULATOR, detail), at);
            case "media" -> book.record(activity, media(activity, subject, detail, at), at);
            case "transition" -> {
                activity.connectionState(subject, targetState(detail));
                book.record(activity, note(subject + " " + detail).withConnection(subject), at);
                book.changed(activity);
            }
            case "connection" -> {
                activity.connectionState(subject, "created");
                book.record(activity, note("connection " + subject + " " + detail).withConnection(subject), at);
                book.changed(activity);
            }
            case "call" -> {
                if (detail.equals("ended")) {
                    activity.ended(at);
                }
                book.record(activity, note("call " + detail), at);
                book.changed(activity);
            }
            default -> book.record(activity, note(kind + " " + subject + ": " + detail), at);
        }
    }

    /**
     * A media line, "{@code play preparing -> playing (cause)}": the operation starts with its first line and its end
     * (a line moving to a final state) carries how long it ran since.
     */
    private static ActivityItem.Draft media(CallActivity activity, String callConnectionId, String detail,
                                            Instant at) {
        ActivityItem.Draft draft = ActivityItem.Draft.of(ActivityKind.MEDIA, ActivityItem.EMULATOR,
                ActivityItem.EMULATOR, detail).withConnection(callConnectionId);
        int arrow = detail.indexOf(" -> ");
        int operationEnd = arrow < 0 ? -1 : detail.lastIndexOf(' ', arrow - 1);
        if (operationEnd < 0) {
            return draft;
        }
        String key = callConnectionId + "|" + detail.substring(0, operationEnd);
        if (MEDIA_ENDS.contains(targetState(detail))) {
            return draft.withDuration(activity.mediaEnded(key, at));
        }
        activity.mediaStarted(key, at);
        return draft;
    }

    /** The state after "{@code -> }" in a transition's text, up to its cause; null when there is none. */
    static String targetState(String detail) {
        int arrow = detail.indexOf("-> ");
        if (arrow < 0) {
            return null;
        }
        int end = detail.indexOf(' ', arrow + 3);
        return detail.substring(arrow + 3, end < 0 ? detail.length() : end);
    }

    private static ActivityItem.Draft note(String label) {
        return ActivityItem.Draft.of(ActivityKind.STATE, ActivityItem.EMULATOR, ActivityItem.EMULATOR, label);
    }
}
