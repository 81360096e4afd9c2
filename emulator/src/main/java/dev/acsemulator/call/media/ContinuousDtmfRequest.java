package dev.acsemulator.call.media;

import dev.acsemulator.call.Identifier;

import java.util.Objects;

/**
 * CallMedia_StartContinuousDtmfRecognition or CallMedia_StopContinuousDtmfRecognition (the spec's
 * {@code ContinuousDtmfRecognitionRequest}), parsed and validated by the api layer.
 */
public record ContinuousDtmfRequest(String callConnectionId, Identifier target, String operationContext,
                                    String operationCallbackUri) {
    public ContinuousDtmfRequest {
        Objects.requireNonNull(target, "target");
    }
}
