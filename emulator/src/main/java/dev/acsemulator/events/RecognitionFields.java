package dev.acsemulator.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.call.event.CallEvent.RecognizeCompleted;
import dev.acsemulator.call.event.Recognition;

/**
 * RecognizeCompleted's own fields: {@code recognitionType} and the one result object of that type
 * ({@code dtmfResult.tones}, {@code choiceResult{label, recognizedPhrase, confidence}} or
 * {@code speechResult{speech, confidence}}). The {@code confidence} of words is always {@link #WORDS_CONFIDENCE}:
 * the emulator recognizes exactly what the person said (openapi/DEVIATIONS.md 34); a choice matched by its tone has
 * none, as it has no phrase. Api-versions whose spec lacks {@code confidence} do not get it (the version shaper).
 */
final class RecognitionFields {

    /** The confidence of recognized words: certain, since they are exactly what the person said. */
    static final double WORDS_CONFIDENCE = 1.0;

    private RecognitionFields() {
    }

    static void write(RecognizeCompleted event, ObjectNode data) {
        Recognition recognition = event.recognition();
        data.put("recognitionType", recognition.recognitionType());
        if (recognition instanceof Recognition.Dtmf dtmf) {
            ArrayNode tones = data.putObject("dtmfResult").putArray("tones");
            dtmf.tones().forEach(tones::add);
        } else if (recognition instanceof Recognition.Choice choice) {
            ObjectNode result = data.putObject("choiceResult").put("label", choice.label());
            if (choice.recognizedPhrase() != null) {
                result.put("recognizedPhrase", choice.recognizedPhrase()).put("confidence", WORDS_CONFIDENCE);
            }
        } else if (recognition instanceof Recognition.Speech speech) {
            data.putObject("speechResult").put("speech", speech.speech()).put("confidence", WORDS_CONFIDENCE);
        }
    }
}
