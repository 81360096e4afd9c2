package dev.acsemulator.call.streaming;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code audioFormat} of a media stream: 16-bit little-endian mono PCM at 16 or 24 kHz, the default 16 kHz
 * (Microsoft Learn's audio streaming quickstart: "PCM 24K mono and PCM 16K mono, with the default
 * being PCM 16K mono"). Both directions use it. A frame is 20 ms: 640 bytes at 16 kHz, 960 at 24 kHz.
 */
public enum StreamAudioFormat {
    PCM_16K_MONO("pcm16KMono", 16_000),
    PCM_24K_MONO("pcm24KMono", 24_000);

    /** Frames per second of every stream: one every 20 ms. */
    public static final int FRAMES_PER_SECOND = 50;

    private final String wireName;
    private final int sampleRate;

    StreamAudioFormat(String wireName, int sampleRate) {
        this.wireName = wireName;
        this.sampleRate = sampleRate;
    }

    /** The spec's spelling; the SDKs also send {@code Pcm16KMono}, so reading ignores case. */
    public String wireName() {
        return wireName;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int samplesPerFrame() {
        return sampleRate / FRAMES_PER_SECOND;
    }

    /** The {@code length} of AudioMetadata and the size of each AudioData's PCM: 2 bytes a sample. */
    public int bytesPerFrame() {
        return samplesPerFrame() * 2;
    }

    public static Optional<StreamAudioFormat> fromWireName(String name) {
        for (StreamAudioFormat format : values()) {
            if (format.wireName.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
