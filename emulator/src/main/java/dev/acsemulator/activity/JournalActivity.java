package dev.acsemulator.activity;

import dev.acsemulator.call.CallJournal;

import java.util.Set;

/**
 * Reads the calls' journals as they are written and turns their lines into activity: state changes, people's actions
 * and media operations. Events and faults are not read here: their own taps know more ({@link EventActivity},
 * {@link FaultActivity}). A change of the call's state, roster or connections also publishes the call's summary.
 */
public final class JournalActivity implements CallJournal.Observer {

    /** The states a media operation's journal line names when it starts or ends (MediaTransitions' lines). */
    private static final Set<String> MEDIA_STARTS = Set.of("running", "started", "active", "recognizing", "playing");
    private static final Set<String> MEDIA_ENDS = Set.of("completed", "failed", "cancelled", "canceled", "stopped",
            "done");

    private final ActivityBook book;

    public JournalActivity(ActivityBook book) {
        this.book = book;
    }

    @Override
    public void recorded(String serverCallId, String kind, String subject, String detail) {
        if (kind.equals("event") || kind.equals("fault")) {
            return;
        }
        CallActivity activity = book.activityOf(serverCallId);
        if (activity == null) {
            return;
        }
        switch (kind) {
            case "roster" -> {
                if (detail.equals("joined")) {
                    activity.joined(subject);
                } else if (detail.equals("left")) {
                    activity.left(subject);
                }
                book.record(serverCallId, ActivityItem.Draft.of(ActivityKind.PERSON, subject, ActivityItem.EMULATOR,
                        detail));
                book.changed(activity);
            }
            case "person", CallJournal.INPUT -> book.record(serverCallId,
                    ActivityItem.Draft.of(ActivityKind.PERSON, subject, ActivityItem.EMULATOR, detail));
            case "media" -> book.record(serverCallId, media(activity, subject, detail));
            case "transition" -> {
                activity.connectionState(subject, targetState(detail));
                book.record(serverCallId, note(subject + " " + detail).withConnection(subject));
                book.changed(activity);
            }
            case "connection" -> {
                activity.connectionState(subject, "created");
                book.record(serverCallId, note("connection " + subject + " " + detail).withConnection(subject));
                book.changed(activity);
            }
            case "call" -> {
                if (detail.equals("ended")) {
                    activity.ended();
                }
                book.record(serverCallId, note("call " + detail));
                book.changed(activity);
            }
            default -> book.record(serverCallId, note(kind + " " + subject + ": " + detail));
        }
    }

    /** A media line, "{@code play running -> completed (cause)}": its end carries how long it ran. */
    private static ActivityItem.Draft media(CallActivity activity, String callConnectionId, String detail) {
        ActivityItem.Draft draft = ActivityItem.Draft.of(ActivityKind.MEDIA, ActivityItem.EMULATOR,
                ActivityItem.EMULATOR, detail).withConnection(callConnectionId);
        int space = detail.indexOf(' ');
        String target = targetState(detail);
        if (space < 0 || target == null) {
            return draft;
        }
        String key = callConnectionId + "|" + detail.substring(0, space);
        if (MEDIA_STARTS.contains(target)) {
            activity.mediaStarted(key);
        } else if (MEDIA_ENDS.contains(target)) {
            return draft.withDuration(activity.mediaEnded(key));
        }
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
