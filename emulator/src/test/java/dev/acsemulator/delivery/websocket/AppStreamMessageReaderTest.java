package dev.acsemulator.delivery.websocket;

import dev.acsemulator.call.streaming.AppStreamMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every SDK's spelling of outbound audio and StopAudio is read; anything else is unreadable, saying why. */
class AppStreamMessageReaderTest {

    /** "AQID" is the bytes 1, 2, 3. */
    @ParameterizedTest
    @ValueSource(strings = {
            // Java OutStreamingData.getStreamingDataForOutbound
            "{\"kind\":\"AudioData\",\"audioData\":{\"data\":\"AQID\",\"timestamp\":null,\"participant\":null,"
                    + "\"isSilent\":false},\"stopAudio\":null}",
            // JS: lower-case kind, and stopAudio present on audio frames too
            "{\"kind\":\"audioData\",\"audioData\":{\"data\":\"AQID\",\"isSilent\":false},\"stopAudio\":{}}",
            // .NET: PascalCase everything
            "{\"Kind\":\"AudioData\",\"AudioData\":{\"Data\":\"AQID\",\"Timestamp\":null,\"IsSilent\":false},"
                    + "\"StopAudio\":null}",
            // the Python doc sample
            "{\"Kind\":\"AudioData\",\"AudioData\":{\"Data\":\"AQID\"},\"StopAudio\":null}"})
    void audioInEverySpellingIsReadAsItsBytes(String message) {
        AppStreamMessage read = AppStreamMessageReader.read(message);

        assertThat(read).isInstanceOf(AppStreamMessage.AppAudio.class);
        assertThat(((AppStreamMessage.AppAudio) read).pcm()).containsExactly(1, 2, 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"kind\":\"StopAudio\",\"stopAudio\":{}}",
            "{\"kind\":\"stopAudio\",\"stopAudio\":{}}",
            "{\"Kind\":\"StopAudio\",\"AudioData\":null,\"StopAudio\":{}}"})
    void stopAudioInEverySpellingIsRead(String message) {
        assertThat(AppStreamMessageReader.read(message)).isInstanceOf(AppStreamMessage.StopAudio.class);
    }

    @Test
    void whatIsNeitherIsUnreadableAndSaysWhy() {
        assertThat(reason("not json")).isEqualTo("not JSON");
        assertThat(reason("[1,2]")).isEqualTo("not a JSON object");
        assertThat(reason("{\"audioData\":{\"data\":\"AQID\"}}")).isEqualTo("no kind");
        assertThat(reason("{\"kind\":\"MarkData\"}")).isEqualTo("unknown kind MarkData");
        assertThat(reason("{\"kind\":\"AudioData\",\"audioData\":{}}")).isEqualTo("AudioData without audioData.data");
        assertThat(reason("{\"kind\":\"AudioData\",\"audioData\":{\"data\":\"***\"}}"))
                .isEqualTo("audioData.data is not base64");
    }

    private static String reason(String message) {
        AppStreamMessage read = AppStreamMessageReader.read(message);
        assertThat(read).isInstanceOf(AppStreamMessage.Unreadable.class);
        return ((AppStreamMessage.Unreadable) read).reason();
    }
}
