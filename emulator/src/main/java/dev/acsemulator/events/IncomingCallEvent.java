package dev.acsemulator.events;

import dev.acsemulator.call.Identifier;

import java.util.Map;

/** The data of {@code Microsoft.Communication.IncomingCall} (side-channels.md §D1–§D2). */
public record IncomingCallEvent(Identifier to, Identifier from, String callerDisplayName, String serverCallId,
                                String incomingCallContext, String correlationId, Map<String, String> sipHeaders,
                                Map<String, String> voipHeaders) {
}
