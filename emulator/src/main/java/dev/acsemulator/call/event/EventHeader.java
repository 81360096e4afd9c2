package dev.acsemulator.call.event;

import dev.acsemulator.call.ResultInformation;

/** What every Call Automation event carries (§3): its target, the echoed operationContext and the result. */
public record EventHeader(EventTarget target, String operationContext, ResultInformation result) {
}
