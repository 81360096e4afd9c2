package dev.acsemulator.call;

import java.util.EnumSet;
import java.util.Set;

/**
 * The state of one application's connection to a call ({@code CallConnectionStateModel}). Each state names the states
 * it may be entered from; {@link CallConnection#transitionTo} is the only way to change it.
 */
public enum CallConnectionState {
    /** Never reported by the emulator; part of the wire enum. */
    UNKNOWN("unknown"),
    /** Created by CreateCall, AnswerCall or Connect; no CallConnected yet. */
    CONNECTING("connecting"),
    /** CallConnected was emitted for this connection. */
    CONNECTED("connected"),
    /** A TransferToParticipant is ringing its target. */
    TRANSFERRING("transferring"),
    /** The target accepted the transfer; the connection is about to end (1:1) or return to connected (group). */
    TRANSFER_ACCEPTED("transferAccepted"),
    /** The connection is leaving (hang-up, terminate, removal) and CallDisconnected is pending. */
    DISCONNECTING("disconnecting"),
    /** CallDisconnected was emitted; the connection accepts no further actions. */
    DISCONNECTED("disconnected");

    private final String wireName;

    CallConnectionState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The states this state may be entered from. */
    Set<CallConnectionState> legalPredecessors() {
        return switch (this) {
            case UNKNOWN -> EnumSet.noneOf(CallConnectionState.class);
            case CONNECTING -> EnumSet.noneOf(CallConnectionState.class);
            case CONNECTED -> EnumSet.of(CONNECTING, TRANSFERRING, TRANSFER_ACCEPTED);
            case TRANSFERRING -> EnumSet.of(CONNECTED);
            case TRANSFER_ACCEPTED -> EnumSet.of(TRANSFERRING);
            case DISCONNECTING -> EnumSet.of(CONNECTING, CONNECTED, TRANSFERRING, TRANSFER_ACCEPTED);
            case DISCONNECTED -> EnumSet.of(CONNECTING, CONNECTED, TRANSFERRING, TRANSFER_ACCEPTED, DISCONNECTING);
        };
    }

    public boolean isTerminal() {
        return this == DISCONNECTED || this == DISCONNECTING;
    }
}
