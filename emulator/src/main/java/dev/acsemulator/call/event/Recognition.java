package dev.acsemulator.call.event;

import java.util.List;
import java.util.Objects;

/**
 * What a completed recognize recognized (the REST spec's {@code RecognizeCompleted}): its {@code recognitionType}
 * and the one result object that goes with it.
 */
public sealed interface Recognition {

    /** The spec's {@code RecognitionType}: {@code dtmf}, {@code choices} or {@code speech}. */
    String recognitionType();

    /** {@code dtmfResult.tones}: the keys collected, by the spec's Tone names, in the order pressed. */
    record Dtmf(List<String> tones) implements Recognition {
        public Dtmf {
            tones = List.copyOf(tones);
        }

        @Override
        public String recognitionType() {
            return "dtmf";
        }
    }

    /**
     * {@code choiceResult}: the label of the choice matched, and the phrase that matched it; null when it was matched
     * by its tone (the spec: "If Dtmf input is recognized ... phrases will be set to null").
     */
    record Choice(String label, String recognizedPhrase) implements Recognition {
        public Choice {
            Objects.requireNonNull(label, "label");
        }

        @Override
        public String recognitionType() {
            return "choices";
        }
    }

    /** {@code speechResult.speech}: the words recognized. */
    record Speech(String speech) implements Recognition {
        public Speech {
            Objects.requireNonNull(speech, "speech");
        }

        @Override
        public String recognitionType() {
            return "speech";
        }
    }
}
