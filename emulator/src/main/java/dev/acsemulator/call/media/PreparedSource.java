package dev.acsemulator.call.media;

import dev.acsemulator.call.ResultInformation;

import java.time.Duration;

/**
 * A play source made ready to be heard: how long it lasts, or why it cannot be played (its PlayFailed result).
 * {@code audio} holds a file's samples; text and SSML have none (the emulator does not synthesise speech), nor has a
 * source that failed.
 */
public record PreparedSource(Duration duration, ResultInformation failure, String detail, PcmAudio audio) {

    static PreparedSource lasting(Duration duration) {
        return new PreparedSource(duration, null, null, null);
    }

    static PreparedSource sounding(PcmAudio audio) {
        return new PreparedSource(audio.duration(), null, null, audio);
    }

    static PreparedSource failing(ResultInformation failure, String detail) {
        return new PreparedSource(Duration.ZERO, failure, detail, null);
    }

    public boolean playable() {
        return failure == null;
    }
}
