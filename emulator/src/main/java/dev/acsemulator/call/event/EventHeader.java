package dev.acsemulator.call.event;

import dev.acsemulator.call.ResultInformation;

/**
 * What every Call Automation event carries (call-automation-behaviour.md §3): its id (a duplicate keeps it), its
 * target, the echoed operationContext and the result.
 */
public record EventHeader(String eventId, EventTarget target, String operationContext, ResultInformation result) {
}
