package dev.acsemulator.call.transcription;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * Opens the socket a transcription sends its frames on: the service connects to the application's
 * {@code transportUrl} (docs/side-channels.md B2). Implemented by the delivery layer; the domain knows no WebSocket.
 */
@FunctionalInterface
public interface TranscriptSockets {

    /**
     * Connects to {@code transportUrl} for the given connection. The future completes once the socket is open, or
     * fails when it cannot be opened; {@code onDropped} is called (on any thread) if an open socket is lost without
     * the emulator closing it.
     */
    CompletableFuture<TranscriptSocket> open(URI transportUrl, String callConnectionId, String correlationId,
                                             Runnable onDropped);

    /** One open transcription socket. */
    interface TranscriptSocket {

        void send(TranscriptFrame frame);

        /** Closes the socket normally (stop, or the end of the call). */
        void close();

        /**
         * Drops the connection without a close frame, as a broken network does (fault rules' dropStream): the
         * application sees an abnormal closure and the socket is reported dropped.
         */
        void abort();
    }
}
