package dev.acsemulator.world;

import dev.acsemulator.call.audio.VoiceSource;
import dev.acsemulator.call.media.DtmfTone;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a simulated person does when a recognize listens to them, one answer per recognize, in the order of their
 * behaviour's script. {@code after} counts from the moment the recognize starts listening (its turn comes, before
 * its prompts), so an answer sooner than the prompts' length talks over them: it interrupts a prompt with
 * {@code interruptPrompt} and is ignored without it, as the service does.
 */
public sealed interface ScriptedAnswer {

    Duration after();

    /** Presses keys, all at once, e.g. {@code 1#}. */
    record Press(List<DtmfTone> tones, Duration after) implements ScriptedAnswer {
        public Press {
            tones = List.copyOf(tones);
            if (tones.isEmpty()) {
                throw new IllegalArgumentException("press needs at least one key");
            }
            Objects.requireNonNull(after, "after");
        }
    }

    /** Says a phrase, in the synthetic voice or with a recording of it ({@code voice}). */
    record Say(String phrase, VoiceSource voice, Duration after) implements ScriptedAnswer {
        public Say {
            if (phrase == null || phrase.isBlank()) {
                throw new IllegalArgumentException("say needs a phrase");
            }
            Objects.requireNonNull(voice, "voice");
            Objects.requireNonNull(after, "after");
        }

        /** Says a phrase in the synthetic voice. */
        public Say(String phrase, Duration after) {
            this(phrase, new VoiceSource.Synthetic(), after);
        }
    }

    /** Says nothing and presses nothing: the recognize runs into its initial silence timeout. */
    record Silent() implements ScriptedAnswer {
        @Override
        public Duration after() {
            return Duration.ZERO;
        }
    }

    /** Hangs up. */
    record HangUp(Duration after) implements ScriptedAnswer {
        public HangUp {
            Objects.requireNonNull(after, "after");
        }
    }
}
