package dev.acsemulator.call.media;

import dev.acsemulator.call.ResultInformation;

import java.time.Duration;

/** A play source made ready to be heard: how long it lasts, or why it cannot be played (its PlayFailed result). */
public record PreparedSource(Duration duration, ResultInformation failure, String detail) {

    static PreparedSource lasting(Duration duration) {
        return new PreparedSource(duration, null, null);
    }

    static PreparedSource failing(ResultInformation failure, String detail) {
        return new PreparedSource(Duration.ZERO, failure, detail);
    }

    public boolean playable() {
        return failure == null;
    }
}
