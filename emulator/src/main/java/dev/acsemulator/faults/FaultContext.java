package dev.acsemulator.faults;

/**
 * What a decorator knows about the request, action, event or stream socket it may inject a fault into.
 *
 * @param transportUrl the application's WebSocket URL, for a stream socket (null elsewhere)
 */
public record FaultContext(String operation, String eventType, String callConnectionId, String serverCallId,
                           String target, String transportUrl) {

    /** A request's, action's, event's or delivery's context: no transport URL. */
    public FaultContext(String operation, String eventType, String callConnectionId, String serverCallId,
                        String target) {
        this(operation, eventType, callConnectionId, serverCallId, target, null);
    }
}
