package dev.acsemulator.call.event;

/**
 * The {@code transcriptionUpdate} of the Transcription* events (recorded: azure-sdk-for-java
 * createVOIPCallAndTranscriptionTest.json; call-automation-behaviour.md §2.18): the spec's TranscriptionStatus and
 * TranscriptionStatusDetails names, and from 2026-03-12 an optional {@code transcriptionMessage} (null: absent).
 */
public record TranscriptionUpdate(String transcriptionStatus, String transcriptionStatusDetails,
                                  String transcriptionMessage) {

    public TranscriptionUpdate(String transcriptionStatus, String transcriptionStatusDetails) {
        this(transcriptionStatus, transcriptionStatusDetails, null);
    }
}
