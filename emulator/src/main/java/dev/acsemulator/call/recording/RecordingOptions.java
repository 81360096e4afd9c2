package dev.acsemulator.call.recording;

import dev.acsemulator.call.Identifier;

import java.util.List;

/**
 * What StartRecording asked for. Every option is kept as given; what the emulator does with each is in the README's
 * recording section ({@code externalStorage} is recorded and shown in the metadata, never uploaded anywhere).
 *
 * @param content                 {@code audio} or {@code audioVideo}
 * @param channel                 {@code mixed} or {@code unmixed}
 * @param format                  {@code wav}, {@code mp3} or {@code mp4}
 * @param channelAffinity         which participant goes to which channel of an unmixed recording
 * @param channelOrdering         {@code audioChannelParticipantOrdering}: participants in channel order
 * @param stateCallbackUri        where RecordingStateChanged goes; null for the connection's callback
 * @param pauseOnStart            whether the recording starts paused
 * @param externalStorage         the bring-your-own-storage destination, null when none was given
 */
public record RecordingOptions(String content, String channel, String format, List<ChannelAffinity> channelAffinity,
                               List<Identifier> channelOrdering, String stateCallbackUri, boolean pauseOnStart,
                               ExternalStorage externalStorage) {

    public RecordingOptions {
        channelAffinity = List.copyOf(channelAffinity);
        channelOrdering = List.copyOf(channelOrdering);
    }

    public boolean isUnmixed() {
        return "unmixed".equalsIgnoreCase(channel);
    }

    /** One participant written to one channel of an unmixed recording; {@code channel} null lets the service pick. */
    public record ChannelAffinity(Identifier participant, Integer channel) { }

    /** {@code externalStorage}: {@code recordingStorageKind} and {@code recordingDestinationContainerUrl}. */
    public record ExternalStorage(String kind, String destinationContainerUrl) { }
}
