package dev.acsemulator.call;

import dev.acsemulator.call.media.PersonInput;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The record of everything that happened to one call: state transitions, roster changes, invitations and emitted
 * events. Written on the call's lane, read by the control API from any thread. A call keeps its journal as long as
 * it is remembered, so lines are kept compact: the time as a number, and a detail made of values the call holds
 * anyway, joined into text only when the journal is read.
 */
public final class CallJournal {

    /** The kind of the lines that record a person's input. */
    public static final String INPUT = "input";
    /** The kind and detail of the line that records someone joining the roster; its subject is their raw id. */
    static final String ROSTER = "roster";
    static final String JOINED = "joined";
    /** The kind and detail of the line that records the call's end; its subject is the server call id. */
    static final String CALL = "call";
    static final String ENDED = "ended";

    /** One journal line; {@code input} is the person's input, typed, on {@link #INPUT} lines, else null. */
    public record Entry(Instant time, String kind, String subject, String detail, PersonInput input) {
        public Entry(Instant time, String kind, String subject, String detail) {
            this(time, kind, subject, detail, null);
        }
    }

    /** A kept line: {@code detail} is a String, a PersonInput, or an Object[] of parts joined when read. */
    private record Line(long epochNanos, String kind, String subject, Object detail) {
        Entry entry() {
            Instant time = Instant.ofEpochSecond(0, epochNanos);
            if (detail instanceof PersonInput input) {
                return new Entry(time, kind, subject, input.describe(), input);
            }
            return new Entry(time, kind, subject, detail instanceof Object[] parts ? join(parts) : (String) detail);
        }

        private static String join(Object[] parts) {
            StringBuilder text = new StringBuilder();
            for (Object part : parts) {
                text.append(part);
            }
            return text.toString();
        }
    }

    /**
     * Told of every line as it is written, on the thread that writes it (the call's lane, mostly): the dashboard's
     * activity reads the journal through it. {@code detail} is the line's detail as text.
     */
    @FunctionalInterface
    public interface Observer {
        Observer NONE = (serverCallId, kind, subject, detail) -> { };

        void recorded(String serverCallId, String kind, String subject, String detail);

        /** Whether it wants lines now; when not, a line is neither turned into text nor told. */
        default boolean listening() {
            return true;
        }
    }

    private final Clock clock;
    private final List<Line> lines = new ArrayList<>(8);
    private final String serverCallId;
    private final Observer observer;

    CallJournal(Clock clock) {
        this(clock, null, Observer.NONE);
    }

    CallJournal(Clock clock, String serverCallId, Observer observer) {
        this.clock = clock;
        this.serverCallId = serverCallId;
        this.observer = observer;
    }

    /** The clock the call's entries, and everything else the call times, are read from. */
    Clock clock() {
        return clock;
    }

    void transition(String callConnectionId, CallConnectionState from, CallConnectionState to, String cause) {
        record("transition", callConnectionId, from.wireName(), " -> ", to.wireName(), " (", cause, ")");
    }

    public void record(String kind, String subject, String detail) {
        add(kind, subject, detail);
    }

    /** A line whose detail is {@code parts} joined, e.g. {@code (target, " answered")}; rendered when read. */
    public void record(String kind, String subject, Object... parts) {
        add(kind, subject, parts);
    }

    /** A person's input, kept typed so that readers get the tones or the phrase, not a description of them. */
    public void recordInput(String person, PersonInput input) {
        add(INPUT, person, input);
    }

    /** When the first line of {@code kind} about {@code subject} with exactly {@code detail} was written. */
    synchronized Optional<Instant> firstTime(String kind, String subject, String detail) {
        for (Line line : lines) {
            if (kind.equals(line.kind()) && subject.equals(line.subject()) && detail.equals(line.detail())) {
                return Optional.of(Instant.ofEpochSecond(0, line.epochNanos()));
            }
        }
        return Optional.empty();
    }

    public synchronized List<Entry> entries() {
        List<Entry> entries = new ArrayList<>(lines.size());
        for (Line line : lines) {
            entries.add(line.entry());
        }
        return entries;
    }

    private void add(String kind, String subject, Object detail) {
        Line line;
        synchronized (this) {
            Instant now = clock.instant();
            line = new Line(now.getEpochSecond() * 1_000_000_000L + now.getNano(), kind, subject, detail);
            lines.add(line);
        }
        if (observer != Observer.NONE && observer.listening()) {
            observer.recorded(serverCallId, kind, subject, line.entry().detail());
        }
    }
}
