package dev.acsemulator.call;

import java.util.List;

/** An immutable copy of a connection's properties ({@code CallConnectionProperties}), safe to read off the lane. */
public record CallConnectionSnapshot(String callConnectionId, String serverCallId, String correlationId,
                                     CallConnectionState state, List<Identifier> targets, String callbackUri,
                                     Identifier source, Identifier sourceCallerIdNumber, String sourceDisplayName,
                                     Identifier answeredBy) {
}
