package dev.acsemulator.delivery.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.call.streaming.StreamAudioFormat;
import dev.acsemulator.call.streaming.StreamFrame;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Each frame as the service writes it: the documented kinds, field names and sizes, a timestamp Java can parse. */
class StreamFrameWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant AT = Instant.parse("2024-11-15T19:16:12.925Z");

    private static JsonNode written(StreamFrame frame) throws Exception {
        return MAPPER.readTree(StreamFrameWriter.write(frame));
    }

    @Test
    void audioMetadataSaysPcmMonoWithTheFrameLengthOfItsRate() throws Exception {
        JsonNode sixteen = written(new StreamFrame.AudioMetadata("sub-1", StreamAudioFormat.PCM_16K_MONO));
        JsonNode twentyFour = written(new StreamFrame.AudioMetadata("sub-1", StreamAudioFormat.PCM_24K_MONO));

        assertThat(sixteen.toString()).isEqualTo("{\"kind\":\"AudioMetadata\",\"audioMetadata\":{\"subscriptionId\":"
                + "\"sub-1\",\"encoding\":\"PCM\",\"sampleRate\":16000,\"channels\":1,\"length\":640}}");
        assertThat(twentyFour.path("audioMetadata").path("sampleRate").asInt()).isEqualTo(24000);
        assertThat(twentyFour.path("audioMetadata").path("length").asInt()).isEqualTo(960);
    }

    @Test
    void audioDataCarriesBase64PcmTheSpeakerAndAnOffsetTimestamp() throws Exception {
        byte[] pcm = new byte[640];
        pcm[0] = 7;
        JsonNode frame = written(new StreamFrame.AudioData(AT, "8:acs:someone", pcm, false));

        assertThat(frame.path("kind").asText()).isEqualTo("AudioData");
        JsonNode audio = frame.path("audioData");
        assertThat(audio.path("timestamp").asText()).isEqualTo("2024-11-15T19:16:12.925Z");
        assertThat(OffsetDateTime.parse(audio.path("timestamp").asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .toInstant()).isEqualTo(AT);
        assertThat(audio.path("participantRawID").asText()).isEqualTo("8:acs:someone");
        assertThat(Base64.getDecoder().decode(audio.path("data").asText())).isEqualTo(pcm);
        assertThat(audio.path("silent").isBoolean()).isTrue();
        assertThat(audio.path("silent").asBoolean()).isFalse();
    }

    @Test
    void dtmfDataCarriesTheKeyAndWhoPressedIt() throws Exception {
        JsonNode frame = written(new StreamFrame.DtmfData(AT, "8:acs:\"quoted\"", "#"));

        assertThat(frame.path("kind").asText()).isEqualTo("DtmfData");
        assertThat(frame.path("dtmfData").path("data").asText()).isEqualTo("#");
        assertThat(frame.path("dtmfData").path("participantRawID").asText()).isEqualTo("8:acs:\"quoted\"");
        assertThat(frame.path("dtmfData").path("timestamp").asText()).isEqualTo("2024-11-15T19:16:12.925Z");
    }
}
