package dev.acsemulator.call.transcription;

import java.util.List;

/**
 * A message the service sends on a transcription socket (docs/side-channels.md B2): TranscriptionMetadata first, then
 * TranscriptionData. Offsets and durations are in ticks of 100 ns from the start of the transcription (B3).
 */
public sealed interface TranscriptFrame permits TranscriptFrame.Metadata, TranscriptFrame.Data {

    /** The first message on a socket, and again after UpdateTranscription changed the locale or model. */
    record Metadata(String subscriptionId, String locale, String callConnectionId, String correlationId,
                    String speechModelEndpointId) implements TranscriptFrame {
    }

    /**
     * What one participant said: {@code Intermediate} while the words come (the words so far), then one
     * {@code Final} with every word. {@code format} is always {@code display}, the only one the SDKs accept.
     */
    record Data(String text, double confidence, long offsetTicks, long durationTicks, List<Word> words,
                String participantRawId, ResultStatus resultStatus) implements TranscriptFrame {
        public Data {
            words = List.copyOf(words);
        }
    }

    /** One recognized word, lower case and without punctuation, as Azure Speech's lexical words are. */
    record Word(String text, long offsetTicks, long durationTicks) {
    }

    /** The spec's and the SDKs' {@code resultStatus}. */
    enum ResultStatus {
        INTERMEDIATE("Intermediate"),
        FINAL("Final");

        private final String wireName;

        ResultStatus(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
