package dev.acsemulator.http;

import java.util.HashMap;
import java.util.Map;

/**
 * Writes a connection's responses in the order its requests arrived, whatever order they complete in: HTTP/1.1
 * pipelining requires it (RFC 9112 section 9.3.2), and an operation delayed by a fault or waiting on its call's lane
 * must not let a later GetCall overtake it. Used on the connection's event loop only; a response that completes in
 * order (the usual case) is written at once, without being held.
 */
final class ResponseSequencer {

    private long nextRequest;
    private long nextResponse;
    private Map<Long, Runnable> waiting;

    /** The sequence number of a request that has just arrived. */
    long arrived() {
        return nextRequest++;
    }

    /** The request numbered {@code sequence} has its answer: written now if all earlier ones are, else held. */
    void completed(long sequence, Runnable write) {
        if (sequence != nextResponse) {
            if (waiting == null) {
                waiting = new HashMap<>();
            }
            waiting.put(sequence, write);
            return;
        }
        nextResponse++;
        write.run();
        while (waiting != null && !waiting.isEmpty()) {
            Runnable next = waiting.remove(nextResponse);
            if (next == null) {
                return;
            }
            nextResponse++;
            next.run();
        }
    }
}
