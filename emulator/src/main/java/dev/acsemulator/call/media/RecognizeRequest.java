package dev.acsemulator.call.media;

import dev.acsemulator.call.Identifier;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * CallMedia_Recognize, parsed and validated by the api layer, with the service's defaults filled in
 * (call-automation-behaviour.md §2.14): the prompts ({@code playPrompt} or {@code playPrompts}, in order), who is
 * listened to, and how the recognition ends.
 *
 * @param initialSilenceTimeout time allowed for the first input once the prompts have ended (5 s unless given)
 * @param interToneTimeout      time allowed between two keys before the keys so far are the result (2 s unless given)
 * @param maxTonesToCollect     keys that complete a DTMF recognition (1 unless given)
 * @param endSilenceTimeout     silence after words that completes a speech recognition (500 ms unless given)
 */
public record RecognizeRequest(String callConnectionId, RecognizeInputType inputType, List<PlaySource> prompts,
                               Identifier targetParticipant, boolean interruptPrompt, Duration initialSilenceTimeout,
                               Duration interToneTimeout, int maxTonesToCollect, Set<DtmfTone> stopTones,
                               Duration endSilenceTimeout, List<RecognizeChoice> choices, String speechLanguage,
                               boolean interruptCallMediaOperation, String operationContext,
                               String operationCallbackUri) {

    public static final Duration DEFAULT_INITIAL_SILENCE_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_INTER_TONE_TIMEOUT = Duration.ofSeconds(2);
    public static final int DEFAULT_MAX_TONES = 1;
    public static final Duration DEFAULT_END_SILENCE_TIMEOUT = Duration.ofMillis(500);

    public RecognizeRequest {
        Objects.requireNonNull(inputType, "inputType");
        Objects.requireNonNull(targetParticipant, "targetParticipant");
        prompts = List.copyOf(prompts);
        stopTones = Set.copyOf(stopTones);
        choices = List.copyOf(choices);
        if (maxTonesToCollect < 1) {
            throw new IllegalArgumentException("maxTonesToCollect must be at least 1");
        }
        if (inputType == RecognizeInputType.CHOICES && choices.isEmpty()) {
            throw new IllegalArgumentException("a choices recognize needs choices");
        }
    }
}
