package dev.acsemulator.call.media;

import dev.acsemulator.call.Identifier;

import java.util.Objects;

/**
 * CallMedia_Hold, parsed and validated by the api layer: the participant to put on hold, the audio they hear while
 * held ({@code playSourceInfo}, or null for silence) and the options.
 */
public record HoldRequest(String callConnectionId, Identifier target, PlaySource holdAudio, String operationContext,
                          String operationCallbackUri) {
    public HoldRequest {
        Objects.requireNonNull(target, "target");
    }
}
