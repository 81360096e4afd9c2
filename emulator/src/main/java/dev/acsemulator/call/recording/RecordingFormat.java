package dev.acsemulator.call.recording;

/** The formats the emulator writes a recording's content in, with the media type it is served as. */
public enum RecordingFormat {
    WAV("wav", "audio/wav", "audio"),
    MP3("mp3", "audio/mpeg", "audio"),
    MP4("mp4", "video/mp4", "video");

    private final String wireName;
    private final String mediaType;
    private final String contentName;

    RecordingFormat(String wireName, String mediaType, String contentName) {
        this.wireName = wireName;
        this.mediaType = mediaType;
        this.contentName = contentName;
    }

    /**
     * The last segment of the content's URL: {@code video} for MP4, as the service's RecordingFileStatusUpdated
     * examples show, else {@code audio} (side-channels.md C2).
     */
    public String contentName() {
        return contentName;
    }

    /** As RecordingFileStatusUpdated's {@code recordingFormatType} spells it: {@code Wav}, {@code Mp3}, {@code Mp4}. */
    public String eventName() {
        return Character.toUpperCase(wireName.charAt(0)) + wireName.substring(1);
    }

    /** As {@code recordingFormatType} names it: {@code wav}, {@code mp3} or {@code mp4}. */
    public String wireName() {
        return wireName;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format named, in any case. */
    public static RecordingFormat of(String wireName) {
        for (RecordingFormat format : values()) {
            if (format.wireName.equalsIgnoreCase(wireName)) {
                return format;
            }
        }
        throw new IllegalArgumentException("No recording format " + wireName);
    }
}
