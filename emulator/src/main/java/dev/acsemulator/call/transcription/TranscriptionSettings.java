package dev.acsemulator.call.transcription;

/**
 * A connection's {@code transcriptionOptions} of CreateCall, AnswerCall or Connect (the spec's
 * WebSocketTranscriptionOptions), validated by the api layer. {@code locale} may be null from 2026-03-12 on (the
 * spec no longer requires it); transcription then runs in {@link TranscriptionLocales#DEFAULT}.
 */
public record TranscriptionSettings(String transportUrl, String locale, boolean startTranscription,
                                    boolean enableIntermediateResults, String speechModelEndpointId) {
}
