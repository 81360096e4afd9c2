package dev.acsemulator.activity;

import java.time.Instant;
import java.util.List;

/** What the feed's {@code call} event says of a call: small enough to send on every change of its state. */
public record CallSummary(String serverCallId, String correlationId, boolean ended, int participants,
                          List<Connection> connections, Instant created, Instant endedAt) {

    /** One connection of the call and its state's wire name. */
    public record Connection(String callConnectionId, String state) { }
}
