package dev.acsemulator.call.streaming;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a call connection's media stream is. Changed only through {@link MediaStream}'s one {@code transitionTo}.
 */
public enum MediaStreamState {
    /** Options are known; nothing is streaming (never started, stopped, or failed). StartMediaStreaming may start it. */
    IDLE,
    /** Started: the socket to the application is being opened. */
    CONNECTING,
    /** The socket is open: AudioMetadata was sent and AudioData goes every 20 ms. */
    STREAMING,
    /** The socket dropped while streaming; it is being opened again. */
    RECONNECTING,
    /** The connection or the call ended: the stream is closed for good. */
    ENDED;

    public Set<MediaStreamState> legalPredecessors() {
        return switch (this) {
            case IDLE -> EnumSet.of(CONNECTING, STREAMING, RECONNECTING);
            case CONNECTING -> EnumSet.of(IDLE);
            case STREAMING -> EnumSet.of(CONNECTING, RECONNECTING);
            case RECONNECTING -> EnumSet.of(STREAMING);
            case ENDED -> EnumSet.of(IDLE, CONNECTING, STREAMING, RECONNECTING);
        };
    }

    /** Started from the application's point of view: StartMediaStreaming is refused, StopMediaStreaming accepted. */
    public boolean isStarted() {
        return this == CONNECTING || this == STREAMING || this == RECONNECTING;
    }
}
