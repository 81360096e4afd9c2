package dev.acsemulator.call.streaming;

import dev.acsemulator.call.Call;
import dev.acsemulator.call.Identifier;

import java.time.Instant;

/**
 * What a stream's AudioData carries: the sound a participant put into the call in one 20 ms frame. Read on the
 * call's lane.
 */
@FunctionalInterface
public interface StreamAudioSource {

    /**
     * The PCM ({@code format.bytesPerFrame()} bytes, 16-bit little-endian) {@code speaker} sent into {@code call}
     * in the 20 ms from {@code from}, or null when the speaker was silent then.
     */
    byte[] frameOf(Call call, Identifier speaker, Instant from, StreamAudioFormat format);

    /**
     * Until the call's audio is rendered, people's speech and keys are not sound: every frame is silence, flagged
     * {@code silent: true} (openapi/DEVIATIONS.md).
     */
    StreamAudioSource SILENCE = (call, speaker, from, format) -> null;
}
