package dev.acsemulator.call.recording;

/** The formats the emulator writes a recording's content in, with the media type it is served as. */
public enum RecordingFormat {
    WAV("wav", "audio/wav"),
    MP3("mp3", "audio/mpeg");

    private final String wireName;
    private final String mediaType;

    RecordingFormat(String wireName, String mediaType) {
        this.wireName = wireName;
        this.mediaType = mediaType;
    }

    /** As {@code recordingFormatType} names it: {@code wav} or {@code mp3}. */
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
