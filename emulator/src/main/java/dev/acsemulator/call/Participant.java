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
    /**
     * What rosters list for this participant, made again only when it changes: consecutive rosters then share the
     * very objects of the people who did not change, which the event writer reuses the text of.
     */
    private ParticipantView view;

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
        view = null;
    }

    void unmute() {
        muted = false;
        view = null;
    }

    public boolean onHold() {
        return onHold;
    }

    void hold(boolean held) {
        onHold = held;
        view = null;
    }

    ParticipantView view() {
        ParticipantView known = view;
        if (known == null) {
            known = new ParticipantView(identifier, muted, onHold);
            view = known;
        }
        return known;
    }
}
