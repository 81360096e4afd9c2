package dev.acsemulator.call.recording;

/** What StartRecording and GetRecordingProperties answer ({@code RecordingStateResponse}). */
public record RecordingSnapshot(String recordingId, String recordingState, String recordingKind) { }
