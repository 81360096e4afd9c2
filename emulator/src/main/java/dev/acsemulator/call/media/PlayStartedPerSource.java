package dev.acsemulator.call.media;

import java.util.Set;

/**
 * At which api-versions a play, and a recognize's prompts where they send a PlayStarted at all
 * ({@link RecognizePromptEvents}), send one as each of their sources begins rather than only as the first does
 * (openapi/DEVIATIONS.md 43). Recorded at 2026-03-12 in azure-sdk-for-net's CallMediaAutomatedLiveTests of 26 February
 * 2026: PlayMultipleFilesSourcesWithPlayMediaAllTest got two PlayStarted for its two files, about the first file's
 * length apart, then one PlayCompleted; SpeechRecognizeWithCombinationOfTextAndFileSourcesTest got two for its file
 * and text prompts. At every older version one PlayStarted came per request, however many sources
 * (SpeechRecognizeWithCombinationOfTextAndFileSourcesTestAsync at 2025-05-15 among them). A looping play sends them on
 * its first pass only: no recording shows a loop at 2026-03-12.
 */
final class PlayStartedPerSource {

    private static final Set<String> VERSIONS = Set.of("2026-03-12");

    private PlayStartedPerSource() {
    }

    /** Whether a connection at {@code apiVersion} gets a PlayStarted as each source begins. */
    static boolean at(String apiVersion) {
        return VERSIONS.contains(apiVersion);
    }
}
