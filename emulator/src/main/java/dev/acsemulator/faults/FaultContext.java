package dev.acsemulator.faults;

/** What a decorator knows about the request, action or event it may inject a fault into. */
public record FaultContext(String operation, String eventType, String callConnectionId, String serverCallId,
                           String target) {
}
