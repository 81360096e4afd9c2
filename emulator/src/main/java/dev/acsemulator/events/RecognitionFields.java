package dev.acsemulator.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.call.event.CallEvent.RecognizeCompleted;
import dev.acsemulator.call.event.Recognition;

/**
 * RecognizeCompleted's own fields: {@code recognitionType} and the one result object of that type
 * ({@code dtmfResult.tones}, {@code choiceResult{label, recognizedPhrase}} or {@code speechResult.speech}). No
 * {@code confidence}: the emulator recognizes exactly what the person said, and the spec makes it optional.
 */
final class RecognitionFields {

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
                result.put("recognizedPhrase", choice.recognizedPhrase());
            }
        } else if (recognition instanceof Recognition.Speech speech) {
            data.putObject("speechResult").put("speech", speech.speech());
        }
    }
}
