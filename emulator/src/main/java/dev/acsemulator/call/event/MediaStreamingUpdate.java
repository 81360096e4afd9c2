package dev.acsemulator.call.event;

/**
 * The {@code mediaStreamingUpdate} of MediaStreamingStarted, -Stopped and -Failed, as the service writes it
 * (recorded: azure-sdk-for-java createVOIPCallAndMediaStreamingTest.json, azure-sdk-for-net
 * AnswerCallWithMediaStreamingTest.json): {@code contentType} "Audio", a status and its details, both spec enum values.
 */
public record MediaStreamingUpdate(String contentType, String mediaStreamingStatus,
                                   String mediaStreamingStatusDetails) {

    public static final String AUDIO = "Audio";

    public static MediaStreamingUpdate audio(String status, String details) {
        return new MediaStreamingUpdate(AUDIO, status, details);
    }
}
