package dev.acsemulator.call.media;

import java.util.Locale;
import java.util.Optional;

/** The REST spec's {@code RecognizeInputType}: what a recognize listens for. */
public enum RecognizeInputType {
    /** Keys: collected up to {@code maxTonesToCollect}, a stop tone or the inter-tone timeout. */
    DTMF("dtmf"),
    /** One of the request's choices, said (one of its phrases) or pressed (its tone). */
    CHOICES("choices"),
    /** Free speech, recognized once the person has been silent for {@code endSilenceTimeoutInMs}. */
    SPEECH("speech"),
    /** Speech or keys, whichever comes first. */
    SPEECH_OR_DTMF("speechOrDtmf");

    private final String wireName;

    RecognizeInputType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether key presses are input to it. */
    public boolean hearsTones() {
        return this != SPEECH;
    }

    /** Whether words spoken are input to it. */
    public boolean hearsSpeech() {
        return this != DTMF;
    }

    /** The type the spec names so; an extensible enum, matched without regard to case. */
    public static Optional<RecognizeInputType> fromWireName(String name) {
        for (RecognizeInputType type : values()) {
            if (type.wireName.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
