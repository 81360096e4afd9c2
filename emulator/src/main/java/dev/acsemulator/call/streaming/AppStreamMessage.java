package dev.acsemulator.call.streaming;

/**
 * What an application sends on a bidirectional media stream (the SDKs' OutStreamingData helpers: kind
 * AudioData or StopAudio, in any of their spellings), as the transport read it.
 */
public sealed interface AppStreamMessage {

    /** Audio to play into the call: PCM in the stream's format, any whole number of samples. */
    record AppAudio(byte[] pcm) implements AppStreamMessage { }

    /** Drop the audio queued and not yet played (the application detected the caller speaking). */
    record StopAudio() implements AppStreamMessage { }

    /** A message that is neither: not JSON, an unknown kind, audio that is not base64. Ignored, and journaled. */
    record Unreadable(String reason) implements AppStreamMessage { }
}
