package dev.acsemulator.call.recording;

import java.time.Instant;

/**
 * What CallRecording_GetRecordingResult tells of a stopped recording: its stored file (one chunk) and when that file
 * is deleted for its age.
 */
public record RecordingResult(RecordingListing file, Instant expiresAt) { }
