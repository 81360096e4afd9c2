package dev.acsemulator.call.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the emulator tells of a stored recording file without reading it: which recording and call it is of, when it
 * started, how long it recorded, its layout, its participants in channel order, and its size on storage.
 *
 * @param channelType  {@code mixed} or {@code unmixed}, as StartRecording asked
 * @param format       {@code wav} or {@code mp3}: the format of its content
 * @param sessionEndReason {@code CallEnded} or {@code SessionEnded}, as RecordingFileStatusUpdated says it
 * @param bytes        the content and the metadata together, counted against the size bound
 */
public record RecordingListing(String documentId, String recordingId, String serverCallId, String correlationId,
                               Instant startTime, Duration duration, String channelType, String format, int channels,
                               List<String> participants, String sessionEndReason, long bytes, Instant storedAt) {

    public RecordingListing {
        participants = List.copyOf(participants);
    }

    /** The content's media type. */
    /** The last segment of its content's URL ({@link RecordingFormat#contentName()}). */
    public String contentName() {
        return RecordingFormat.of(format).contentName();
    }

    public String contentType() {
        return RecordingFormat.of(format).mediaType();
    }
}
