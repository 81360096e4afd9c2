package dev.acsemulator.call;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The record of everything that happened to one call: state transitions, roster changes, invitations and emitted
 * events. Written on the call's lane, read by the control API from any thread.
 */
public final class CallJournal {

    /** One journal line. */
    public record Entry(Instant time, String kind, String subject, String detail) { }

    private final Clock clock;
    private final List<Entry> entries = new ArrayList<>();

    CallJournal(Clock clock) {
        this.clock = clock;
    }

    void transition(String callConnectionId, CallConnectionState from, CallConnectionState to, String cause) {
        add("transition", callConnectionId, from.wireName() + " -> " + to.wireName() + " (" + cause + ")");
    }

    public void record(String kind, String subject, String detail) {
        add(kind, subject, detail);
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    private synchronized void add(String kind, String subject, String detail) {
        entries.add(new Entry(clock.instant(), kind, subject, detail));
    }
}
