package dev.acsemulator.call.media;

import dev.acsemulator.call.ResultInformation;

import java.util.Set;

/**
 * Which play events a recognize's prompts send, by the api-version of the connection that asked (openapi/DEVIATIONS.md
 * 43). In the recordings of azure-sdk-for-net's CallMediaAutomatedLiveTests, every recognize at 2025-08-15-preview
 * (ChoiceRecognizeWithMultipleTextSourcesTest and SpeechRecognizeWithMultipleFileSourcesTest, 17 July 2025) got a
 * PlayStarted with the recognize's operationContext and 200/0 "Success Result" when its prompts began, and no
 * PlayCompleted; so did those at 2025-06-15 (ChoiceRecognizeWithMultipleFileSourcesTestAsync and
 * SpeechOrDtmfRecognizeWithMultipleFileSourcesTest, 17 June 2025) and at 2025-05-15
 * (SpeechRecognizeWithMultipleTextSourcesTest, 16 May 2025), and at 2024-06-15-preview
 * (ChoiceRecognizeWithMultipleSourcesTest and its async twin, 22 July 2024, one per recognize whose prompts
 * played). Every one at 2024-09-01-preview (January to July 2025, the same tests among them) got neither. At
 * 2026-03-12, SpeechRecognizeWithCombinationOfTextAndFileSourcesTest (26 February 2026) got one as each of its two
 * prompts began ({@link PlayStartedPerSource}).
 */
final class RecognizePromptEvents {

    /** The result of that PlayStarted, as recorded (a play's own PlayStarted says "Action completed successfully."). */
    static final ResultInformation PROMPT_STARTED = new ResultInformation(200, 0, "Success Result");

    private static final Set<String> VERSIONS_WITH_PLAY_STARTED =
            Set.of("2024-06-15-preview", "2025-05-15", "2025-06-15", "2025-08-15-preview", "2026-03-12");

    private RecognizePromptEvents() {
    }

    /** Whether a connection at {@code apiVersion} gets a PlayStarted when a recognize's first prompt begins. */
    static boolean sendsPlayStarted(String apiVersion) {
        return VERSIONS_WITH_PLAY_STARTED.contains(apiVersion);
    }
}
