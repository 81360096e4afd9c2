package dev.acsemulator.events;

import dev.acsemulator.call.CustomHeaders;
import dev.acsemulator.call.Identifier;

/**
 * The data of {@code Microsoft.Communication.IncomingCall} (side-channels.md §D1–§D2).
 *
 * @param callerDisplayName the caller's display name; null is sent as {@code ""}, as the service does
 * @param customContext     the invitation's {@code customCallingContext}; {@link CustomHeaders#NONE}: no
 *                          {@code customContext}
 */
public record IncomingCallEvent(Identifier to, Identifier from, String callerDisplayName, String serverCallId,
                                String incomingCallContext, String correlationId, CustomHeaders customContext) {
}
