package dev.acsemulator.faults;

/**
 * Which requests, actions or events a rule applies to; null fields match anything.
 *
 * @param operation        the spec's operationId (CreateCall, CallConnection_AddParticipant, ...)
 * @param eventType        an event type name (CallConnected, AddParticipantSucceeded, ...), for event and delivery faults
 * @param callConnectionId only this call connection
 * @param serverCallId     only this call
 * @param target           only actions (or events) about this identity's raw id
 * @param transportUrl     only stream sockets to this WebSocket URL (a media stream's or a transcription's)
 */
public record FaultMatch(String operation, String eventType, String callConnectionId, String serverCallId,
                         String target, String transportUrl) {

    public static final FaultMatch ANY = new FaultMatch(null, null, null, null, null, null);

    /** A match of requests, actions, events or deliveries: any transport URL. */
    public FaultMatch(String operation, String eventType, String callConnectionId, String serverCallId,
                      String target) {
        this(operation, eventType, callConnectionId, serverCallId, target, null);
    }

    boolean matches(FaultContext context) {
        return same(operation, context.operation()) && same(eventType, context.eventType())
                && same(callConnectionId, context.callConnectionId()) && same(serverCallId, context.serverCallId())
                && same(target, context.target()) && same(transportUrl, context.transportUrl());
    }

    /**
     * Refuses a field that could never narrow a fault striking at {@code site}: a rule that names it would silently
     * apply more widely than its author meant. REST requests carry no event type or server call id; invitations carry
     * no event type; events and deliveries carry no operation; stream sockets carry only their connection and URL;
     * only stream sockets carry a transport URL.
     */
    void requireUsableAt(Fault.Site site, String faultType) {
        String unusable = switch (site) {
            case OPERATION -> eventType != null ? "eventType" : serverCallId != null ? "serverCallId" : null;
            case OUTCOME -> eventType != null ? "eventType" : null;
            case EVENT, DELIVERY -> operation != null ? "operation" : null;
            case STREAM -> operation != null ? "operation" : eventType != null ? "eventType"
                    : serverCallId != null ? "serverCallId" : target != null ? "target" : null;
        };
        if (unusable == null && site != Fault.Site.STREAM && transportUrl != null) {
            unusable = "transportUrl";
        }
        if (unusable != null) {
            throw new IllegalArgumentException("match." + unusable + " cannot narrow a " + faultType + " fault, which "
                    + "strikes " + switch (site) {
                        case OPERATION -> "REST requests (match operation, callConnectionId or target)";
                        case OUTCOME -> "invitations (match operation, callConnectionId, serverCallId or target)";
                        case EVENT -> "callback events (match eventType, callConnectionId, serverCallId or target)";
                        case DELIVERY -> "callback POSTs (match eventType, callConnectionId, serverCallId or target)";
                        case STREAM -> "stream sockets (match callConnectionId or transportUrl)";
                    } + ".");
        }
    }

    private static boolean same(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }
}
