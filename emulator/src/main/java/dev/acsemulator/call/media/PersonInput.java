package dev.acsemulator.call.media;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a simulated person puts into a call's audio: keys pressed or words spoken. Media operations that listen
 * (recognize, continuous DTMF recognition) consume it as it is; the journal keeps it typed.
 */
public sealed interface PersonInput permits PersonInput.Tones, PersonInput.Speech {

    /** The line the journal shows for it, e.g. {@code pressed one, pound} or {@code said "yes please"}. */
    String describe();

    /** One of the two functions applied to this input: every reader handles both kinds or does not compile. */
    <R> R match(Function<Tones, R> onTones, Function<Speech, R> onSpeech);

    /** Keys pressed, in order. */
    record Tones(List<DtmfTone> tones) implements PersonInput {
        public Tones {
            tones = List.copyOf(tones);
            if (tones.isEmpty()) {
                throw new IllegalArgumentException("a key press needs at least one tone");
            }
        }

        @Override
        public String describe() {
            StringBuilder text = new StringBuilder("pressed ");
            for (int i = 0; i < tones.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(tones.get(i).wireName());
            }
            return text.toString();
        }

        @Override
        public <R> R match(Function<Tones, R> onTones, Function<Speech, R> onSpeech) {
            return onTones.apply(this);
        }
    }

    /**
     * Words spoken: {@code phrase} is the text a speech recognizer hears; {@code voice}, when given, is the audio the
     * person speaks it with (otherwise the call carries a synthetic voice of the phrase's spoken length).
     */
    record Speech(String phrase, PcmAudio voice) implements PersonInput {
        public Speech {
            Objects.requireNonNull(phrase, "phrase");
            if (phrase.isBlank()) {
                throw new IllegalArgumentException("a spoken phrase must not be blank");
            }
        }

        /** A phrase spoken in the emulator's synthetic voice. */
        public Speech(String phrase) {
            this(phrase, null);
        }

        /** The recorded voice it is spoken with; empty for the synthetic voice. */
        public java.util.Optional<PcmAudio> recordedVoice() {
            return java.util.Optional.ofNullable(voice);
        }

        @Override
        public String describe() {
            return "said \"" + phrase + "\"";
        }

        @Override
        public <R> R match(Function<Tones, R> onTones, Function<Speech, R> onSpeech) {
            return onSpeech.apply(this);
        }
    }
}
