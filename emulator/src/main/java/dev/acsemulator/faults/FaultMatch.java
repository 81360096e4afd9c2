package dev.acsemulator.faults;

/**
 * Which requests, actions or events a rule applies to; null fields match anything.
 *
 * @param operation        the spec's operationId (CreateCall, CallConnection_AddParticipant, ...)
 * @param eventType        an event type name (CallConnected, AddParticipantSucceeded, ...), for event and delivery faults
 * @param callConnectionId only this call connection
 * @param serverCallId     only this call
 * @param target           only actions (or events) about this identity's raw id
 */
public record FaultMatch(String operation, String eventType, String callConnectionId, String serverCallId,
                         String target) {

    public static final FaultMatch ANY = new FaultMatch(null, null, null, null, null);

    boolean matches(FaultContext context) {
        return same(operation, context.operation()) && same(eventType, context.eventType())
                && same(callConnectionId, context.callConnectionId()) && same(serverCallId, context.serverCallId())
                && same(target, context.target());
    }

    private static boolean same(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }
}
