package dev.acsemulator.call.media;

import dev.acsemulator.call.ResultInformation;

/**
 * The {@code resultInformation} of recognize events (call-automation-behaviour.md §4, media results). Failures carry
 * the messages the service sent to the Azure SDKs' live tests (RecognizeFailed 8510 and 8511, recorded 2025);
 * the others the troubleshooting codes' wording (openapi/DEVIATIONS.md says which code each ending gets).
 */
public final class RecognizeResults {

    /** DTMF: {@code maxTonesToCollect} keys were pressed. */
    public static final ResultInformation MAX_TONES = new ResultInformation(200, 8531,
            "Action completed, max digits received.");
    /** DTMF: one of the {@code stopTones} was pressed. */
    public static final ResultInformation STOP_TONE = new ResultInformation(200, 8514,
            "Action completed as stop tone was detected.");
    /** DTMF: the inter-tone timeout passed after a key; a RecognizeCompleted with the keys so far, code 400. */
    public static final ResultInformation INTER_TONE_TIMEOUT = new ResultInformation(400, 8532,
            "Action failed, inter-digit silence time out reached.");
    /** Choices: a choice was selected by one of its phrases or its tone. */
    public static final ResultInformation CHOICE_MATCHED = new ResultInformation(200, 8545,
            "Action completed, speech option matched.");
    /** Speech: words were recognized. */
    public static final ResultInformation SPEECH_RECOGNIZED = new ResultInformation(200, 8569,
            "Action completed, speech was recognized.");
    /** No input before the initial silence timeout (recorded). */
    public static final ResultInformation INITIAL_SILENCE = new ResultInformation(400, 8510,
            "Action failed, initial silence timeout reached.");
    /** Choices: what was said or pressed selects no choice. */
    public static final ResultInformation NO_CHOICE_MATCHED = new ResultInformation(400, 8547,
            "Action failed, recognized phrase does not match a valid option.");
    /** A prompt that could not be played (recorded, with failedPlaySourceIndex). */
    public static final ResultInformation PROMPT_FAILED = new ResultInformation(500, 8511,
            "Action failed, encountered failure while trying to play the prompt.");

    private RecognizeResults() {
    }
}
