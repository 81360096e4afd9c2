package dev.acsemulator.activity;

import java.util.Locale;

/** What an activity item records; its wire name is the lower-case constant name. */
public enum ActivityKind {
    /** A REST request of the application that concerns the call, with its answer. */
    REQUEST,
    /** A callback event the call emitted to a connection. */
    EVENT,
    /** One POST attempt of a callback event. */
    DELIVERY,
    /** One POST attempt of an Event Grid event (IncomingCall, RecordingFileStatusUpdated). */
    EVENTGRID,
    /** A media operation moving from one state to another (play, recognize, hold, DTMF, ...). */
    MEDIA,
    /** Something a person did: joined, left, pressed keys, said a phrase, hung up, held. */
    PERSON,
    /** A change of the call's, a connection's, an invitation's, a recording's or a stream's state. */
    STATE,
    /** A fault rule applied to the call. */
    FAULT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
