package dev.acsemulator.activity;

import dev.acsemulator.call.event.CallEvent;

/** What one item shows in full: kept by reference to values that exist anyway, rendered only when asked for. */
public sealed interface ActivityDetail {

    /** A REST request and its answer, each body cut to {@link BoundedBody#MAX_BYTES}. */
    record Exchange(String method, String target, BoundedBody request, BoundedBody response, String requestId)
            implements ActivityDetail { }

    /** A callback event as the domain emitted it; its body is written for the connection's api-version when read. */
    record Event(CallEvent event) implements ActivityDetail { }
}
