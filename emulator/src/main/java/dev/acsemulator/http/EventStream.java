package dev.acsemulator.http;

/**
 * The body of a response that stays open and is written piece by piece after its headers (Server-Sent Events): the
 * edge writes the status and headers, framed as chunked, then hands the stream a {@link Sink} on the connection's
 * event loop. Nothing here may block; whoever writes checks {@link Sink#writable()} and lets go of a slow reader.
 */
@FunctionalInterface
public interface EventStream {

    /** The headers are written: from now on the stream writes through {@code sink} until either side closes. */
    void opened(Sink sink);

    /** Where a stream writes: thread-safe, never blocking. */
    interface Sink {

        /**
         * Queues {@code utf8} to the client and returns true; returns false, and closes the connection, when the
         * client has stopped reading (the connection's outbound buffer is over its high water mark) or is gone. The
         * bytes are not copied: one array may go to every subscriber, and no one changes it once sent.
         */
        boolean send(byte[] utf8);

        /** As {@link #send(byte[])}, for text. */
        default boolean send(String text) {
            return send(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        /** Whether the client reads fast enough for one more write to be queued. */
        boolean writable();

        /** Ends the stream and the connection. */
        void close();

        /** Runs {@code action} once when the connection closes, whichever side closed it (at once if it has). */
        void whenClosed(Runnable action);

        /** Runs {@code action} every {@code periodMillis} on the connection's own event loop until it closes. */
        void every(long periodMillis, Runnable action);
    }
}
