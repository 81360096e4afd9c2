package dev.acsemulator.call.media;

import dev.acsemulator.call.Identifier;

import java.util.Objects;

/** CallMedia_Unhold, parsed and validated by the api layer: the participant to take off hold and the options. */
public record UnholdRequest(String callConnectionId, Identifier target, String operationContext,
                            String operationCallbackUri) {
    public UnholdRequest {
        Objects.requireNonNull(target, "target");
    }
}
