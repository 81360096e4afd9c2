package dev.acsemulator.call.audio;

import java.time.Duration;

/**
 * How a simulated person's key press sounds: each key of a press a DTMF tone of {@link #TONE}, the next key
 * {@link #GAP} after it ends (a brisk human press, within the 40 ms minimum tone and gap of ITU-T Q.24).
 */
public final class KeyPresses {

    public static final Duration TONE = Duration.ofMillis(100);
    public static final Duration GAP = Duration.ofMillis(50);

    private KeyPresses() {
    }
}
