package dev.acsemulator.call.streaming;

import java.time.Instant;

/**
 * A message the service sends the application on a media stream's socket (Microsoft Learn, audio streaming
 * quickstart): first AudioMetadata, then AudioData every 20 ms, DtmfData between them when enabled. The transport
 * writes each as its JSON text frame.
 */
public sealed interface StreamFrame {

    /** The first message: what the audio of this subscription is. */
    record AudioMetadata(String subscriptionId, StreamAudioFormat format) implements StreamFrame { }

    /**
     * 20 ms of audio. {@code participantRawId}: the speaker in unmixed audio, empty in mixed audio. {@code silent}:
     * the buffer holds only silence.
     */
    record AudioData(Instant timestamp, String participantRawId, byte[] pcm, boolean silent) implements StreamFrame { }

    /** A key a participant pressed: {@code data} is its keypad character ({@code 0}-{@code 9}, {@code *}, {@code #}, A-D). */
    record DtmfData(Instant timestamp, String participantRawId, String data) implements StreamFrame { }
}
