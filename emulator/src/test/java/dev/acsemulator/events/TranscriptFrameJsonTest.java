package dev.acsemulator.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.call.transcription.TranscriptFrame;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transcription socket's messages as docs/side-channels.md B2 shows them. */
class TranscriptFrameJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void metadataNamesTheSubscriptionLocaleConnectionAndCorrelation() throws Exception {
        JsonNode json = MAPPER.readTree(TranscriptFrameJson.write(new TranscriptFrame.Metadata(
                "aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e", "en-us", "call-1", "corr-1", null)));

        assertThat(json.path("kind").asText()).isEqualTo("TranscriptionMetadata");
        JsonNode metadata = json.path("transcriptionMetadata");
        assertThat(metadata.path("subscriptionId").asText()).isEqualTo("aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e");
        assertThat(metadata.path("locale").asText()).isEqualTo("en-us");
        assertThat(metadata.path("callConnectionId").asText()).isEqualTo("call-1");
        assertThat(metadata.path("correlationId").asText()).isEqualTo("corr-1");
        assertThat(metadata.has("speechRecognitionModelEndpointId")).isFalse();
    }

    @Test
    void metadataNamesTheCustomSpeechModelWhenThereIsOne() throws Exception {
        JsonNode json = MAPPER.readTree(TranscriptFrameJson.write(new TranscriptFrame.Metadata(
                "s", "en-us", "c", "r", "a259c255-1cdw-4ed7-a693-dd58563b6f6a")));

        assertThat(json.at("/transcriptionMetadata/speechRecognitionModelEndpointId").asText())
                .isEqualTo("a259c255-1cdw-4ed7-a693-dd58563b6f6a");
    }

    @Test
    void dataCarriesTextTicksWordsSpeakerAndStatusInDisplayFormat() throws Exception {
        JsonNode json = MAPPER.readTree(TranscriptFrameJson.write(new TranscriptFrame.Data("Hello world.", 0.95,
                10_000, 8_000_000, List.of(new TranscriptFrame.Word("hello", 10_000, 4_000_000),
                new TranscriptFrame.Word("world", 4_010_000, 4_000_000)), "8:acs:alice",
                TranscriptFrame.ResultStatus.FINAL)));

        assertThat(json.path("kind").asText()).isEqualTo("TranscriptionData");
        JsonNode data = json.path("transcriptionData");
        assertThat(data.path("text").asText()).isEqualTo("Hello world.");
        assertThat(data.path("format").asText()).isEqualTo("display");
        assertThat(data.path("confidence").asDouble()).isEqualTo(0.95);
        assertThat(data.path("offset").asLong()).isEqualTo(10_000);
        assertThat(data.path("duration").asLong()).isEqualTo(8_000_000);
        assertThat(data.path("words")).hasSize(2);
        assertThat(data.at("/words/1/text").asText()).isEqualTo("world");
        assertThat(data.at("/words/1/offset").asLong()).isEqualTo(4_010_000);
        assertThat(data.at("/words/1/duration").asLong()).isEqualTo(4_000_000);
        assertThat(data.path("participantRawID").asText()).isEqualTo("8:acs:alice");
        assertThat(data.path("resultStatus").asText()).isEqualTo("Final");
    }

    @Test
    void anIntermediateResultWithoutWordsStillCarriesAnEmptyWordsArray() throws Exception {
        JsonNode json = MAPPER.readTree(TranscriptFrameJson.write(new TranscriptFrame.Data("", 0, 0, 0, List.of(),
                "4:+14255550123", TranscriptFrame.ResultStatus.INTERMEDIATE)));

        assertThat(json.at("/transcriptionData/words").isArray()).isTrue();
        assertThat(json.at("/transcriptionData/resultStatus").asText()).isEqualTo("Intermediate");
    }
}
