package dev.acsemulator.call.streaming;

/**
 * {@code audioChannelType}: one stream of everyone's audio mixed, or one AudioData per participant and frame, each
 * naming its speaker (Microsoft Learn, "Audio streaming concept": unmixed carries "up to four channels for the four
 * most dominant speakers").
 */
public enum AudioChannelType {
    MIXED,
    UNMIXED;

    /** Unmixed audio carries at most this many participants in each 20 ms. */
    public static final int MAX_UNMIXED_CHANNELS = 4;
}
