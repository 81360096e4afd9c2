package dev.acsemulator.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.audio.VoiceSource;
import dev.acsemulator.call.media.Wavs;
import dev.acsemulator.call.media.DtmfTone;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A behaviour's scripted answers: read and written as JSON, handed out one per recognize, and the reserved ones. */
class ScriptedAnswersTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void answersAreReadInOrderAndWrittenBackTheSame() throws Exception {
        String json = "{\"response\":\"answer\",\"answers\":[{\"press\":\"1#\",\"after\":\"PT2S\"},"
                + "{\"say\":\"billing\",\"after\":1500},{\"silent\":true},{\"hangUp\":true}]}";

        Behaviour behaviour = BehaviourJson.read(MAPPER.readTree(json));

        assertThat(behaviour.answers()).containsExactly(
                new ScriptedAnswer.Press(List.of(DtmfTone.ONE, DtmfTone.POUND), Duration.ofSeconds(2)),
                new ScriptedAnswer.Say("billing", Duration.ofMillis(1500)), new ScriptedAnswer.Silent(),
                new ScriptedAnswer.HangUp(Duration.ZERO));
        assertThat(BehaviourJson.read(BehaviourJson.write(behaviour))).isEqualTo(behaviour);
    }

    @Test
    void aSayAnswerCarriesTheRecordingItIsSaidWithAndIsWrittenBackWithIt() throws Exception {
        String upload = Base64.getEncoder().encodeToString(Wavs.wav(1, 1, 24_000, 16, new byte[4_800]));
        String json = "{\"answers\":[{\"say\":\"billing\",\"audio\":\"" + upload + "\"},"
                + "{\"say\":\"sales\",\"audioUrl\":\"https://media.example/sales.wav\"},{\"say\":\"bye\"}]}";

        Behaviour behaviour = BehaviourJson.read(MAPPER.readTree(json));

        ScriptedAnswer.Say uploaded = (ScriptedAnswer.Say) behaviour.answers().get(0);
        assertThat(uploaded.voice()).isInstanceOfSatisfying(VoiceSource.Uploaded.class, voice -> {
            assertThat(voice.audio().sampleRate()).isEqualTo(24_000);
            assertThat(voice.audio().duration()).isEqualTo(Duration.ofMillis(100));
        });
        assertThat(((ScriptedAnswer.Say) behaviour.answers().get(1)).voice())
                .isEqualTo(new VoiceSource.Downloaded(URI.create("https://media.example/sales.wav")));
        assertThat(((ScriptedAnswer.Say) behaviour.answers().get(2)).voice()).isEqualTo(new VoiceSource.Synthetic());
        assertThat(BehaviourJson.read(BehaviourJson.write(behaviour))).isEqualTo(behaviour);
    }

    @Test
    void aSayAnswerWithAFileThatIsNoVoiceOrTwoVoicesIsRefusedNamingIt() {
        String stereo = Base64.getEncoder().encodeToString(Wavs.wav(1, 2, 16_000, 16, new byte[400]));
        assertThatThrownBy(() -> BehaviourJson.read(MAPPER.readTree("{\"answers\":[{\"say\":\"x\",\"audio\":\""
                + stereo + "\"}]}"))).hasMessageContaining("answers[0].audio").hasMessageContaining("2 channel(s)");
        assertThatThrownBy(() -> BehaviourJson.read(MAPPER.readTree("{\"answers\":[{\"say\":\"x\",\"audio\":\""
                + stereo + "\",\"audioUrl\":\"https://a.example/x.wav\"}]}"))).hasMessageContaining("give one");
        assertThatThrownBy(() -> BehaviourJson.read(MAPPER.readTree("{\"answers\":[{\"say\":\"x\","
                + "\"audioUrl\":\"file:///etc/passwd\"}]}"))).hasMessageContaining("answers[0].audioUrl");
    }

    @Test
    void eachRecognizeGetsTheNextAnswerThenSilenceUnlessTheyRepeat() throws Exception {
        Behaviour once = BehaviourJson.read(MAPPER.readTree("{\"answers\":[{\"press\":\"1\"},{\"say\":\"yes\"}]}"));
        Behaviour again = once.answering(once.answers(), true);

        assertThat(once.answerTo(2)).containsInstanceOf(ScriptedAnswer.Say.class);
        assertThat(once.answerTo(3)).isEmpty();
        assertThat(again.answerTo(3)).containsInstanceOf(ScriptedAnswer.Press.class);
        assertThat(Behaviour.answering(Duration.ZERO).answerTo(1)).isEmpty();
    }

    @Test
    void anAnswerThatSaysNothingKnownIsRefusedNamingIt() {
        assertThatThrownBy(() -> BehaviourJson.read(MAPPER.readTree("{\"answers\":[{\"press\":\"1x\"}]}")))
                .hasMessageContaining("answers[0].press").hasMessageContaining("'X'");
        assertThatThrownBy(() -> BehaviourJson.read(MAPPER.readTree("{\"answers\":[{\"wave\":true}]}")))
                .hasMessageContaining("answers[0] must be one of");
    }

    @Test
    void theReservedIdentitiesPressOneEverySecondOrStaySilentAtEveryRecognize() {
        BehaviourBook book = new BehaviourBook(Duration.ofMillis(100), Map.of());

        Behaviour presses = book.behaviourOf(Identifier.phoneNumber("+15550100007"));
        Behaviour silent = book.behaviourOf(Identifier.communicationUser("8:acs:resource_x_silent"));

        assertThat(presses.answerTo(5)).contains(new ScriptedAnswer.Press(List.of(DtmfTone.ONE),
                Duration.ofSeconds(1)));
        assertThat(silent.answerTo(5)).contains(new ScriptedAnswer.Silent());
        assertThat(presses.response()).isEqualTo(Behaviour.Response.ANSWER);
    }
}
