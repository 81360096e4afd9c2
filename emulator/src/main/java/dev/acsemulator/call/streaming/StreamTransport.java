package dev.acsemulator.call.streaming;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * How the domain reaches an application's stream server: the service is the WebSocket client. Implemented outside the
 * domain (delivery), which writes frames as JSON, signs the connection and reads what comes back.
 */
public interface StreamTransport {

    /**
     * Opens a socket to {@code url} for the given connection; completes when it is open, exceptionally when it
     * cannot be. {@code events} hears the application's messages and the socket's end on any thread.
     */
    CompletableFuture<Socket> open(URI url, String callConnectionId, String correlationId, Events events);

    /** An open stream socket. */
    interface Socket {
        /** Sends one frame; false when it could not be sent (closed, or the application reads too slowly). */
        boolean send(StreamFrame frame);

        /** Closes normally (1000). */
        void close();

        /**
         * Drops the connection without a close frame, as a broken network does (fault rules' dropStream): the
         * application sees an abnormal closure and {@link Events#lost} is told.
         */
        void abort();
    }

    /** What happens on an open socket, reported on the transport's threads. */
    interface Events {
        void received(AppStreamMessage message);

        /** The socket closed without the domain closing it: the application closed it, or it dropped. */
        void lost(String why);
    }
}
