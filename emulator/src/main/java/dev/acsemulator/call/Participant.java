package dev.acsemulator.call;

import dev.acsemulator.call.event.ParticipantView;

/**
 * One identity in a call's roster: a simulated person, or an application's leg (then {@link #connection()} is the
 * application's connection). Mutated only on the call's lane.
 */
public final class Participant {

    private final Identifier identifier;
    private final CallConnection connection;
    private boolean muted;
    private boolean onHold;

    Participant(Identifier identifier, CallConnection connection) {
        this.identifier = identifier;
        this.connection = connection;
    }

    public Identifier identifier() {
        return identifier;
    }

    /** The application connection this participant is, or null for a person. */
    public CallConnection connection() {
        return connection;
    }

    public boolean isApplication() {
        return connection != null;
    }

    public boolean muted() {
        return muted;
    }

    void mute() {
        muted = true;
    }

    void unmute() {
        muted = false;
    }

    public boolean onHold() {
        return onHold;
    }

    void hold(boolean held) {
        onHold = held;
    }

    /**
     * What rosters list for this participant now. Consecutive rosters list an unchanged participant alike (the same
     * identifier object, the same flags: {@link ParticipantView#listsAlike}), which the event writer reuses the text
     * of; the view itself is not kept, so an idle call's roster costs no views.
     */
    ParticipantView view() {
        return new ParticipantView(identifier, muted, onHold);
    }
}
