package dev.acsemulator.call.transcription;

/**
 * CallMedia_StartTranscription, _UpdateTranscription or _StopTranscription, parsed by the api layer. Stop has no
 * locale or model; Start's and Update's are null when the request has none.
 */
public record TranscriptionRequest(String callConnectionId, String locale, String speechModelEndpointId,
                                   String operationContext, String operationCallbackUri) {
}
