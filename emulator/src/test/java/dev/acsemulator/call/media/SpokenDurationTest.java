package dev.acsemulator.call.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SpokenDurationTest {

    @Test
    void textIsSpokenAtOneHundredFiftyWordsPerMinute() {
        assertThat(SpokenDuration.ofText("Press one for sales, two for support.")).isEqualTo(Duration.ofMillis(2800));
        assertThat(SpokenDuration.ofText("  Goodbye.  ")).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void ssmlCountsItsWordsAndItsBreaks() throws Exception {
        String ssml = "<speak version=\"1.0\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"en-US\">"
                + "<voice name=\"en-US-JennyNeural\">Welcome <break time=\"1.5s\"/> to Contoso."
                + "<break time=\"250ms\"/><break/><break strength=\"x-strong\"/></voice></speak>";

        assertThat(SpokenDuration.ofSsml(ssml))
                .isEqualTo(Duration.ofMillis(3 * 400 + 1500 + 250 + 750 + 1250));
    }

    @Test
    void aBreakLastsAtMostFiveSeconds() throws Exception {
        assertThat(SpokenDuration.ofSsml("<speak><break time=\"20s\"/></speak>")).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void ssmlThatIsNotWellFormedOrNotSpeakIsRefused() {
        assertThatThrownBy(() -> SpokenDuration.ofSsml("<speak>Hello")).isInstanceOf(SpokenDuration.InvalidSsml.class)
                .hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> SpokenDuration.ofSsml("<voice>Hello</voice>"))
                .isInstanceOf(SpokenDuration.InvalidSsml.class).hasMessageContaining("<speak>");
        assertThatThrownBy(() -> SpokenDuration.ofSsml("<speak><break time=\"soon\"/></speak>"))
                .isInstanceOf(SpokenDuration.InvalidSsml.class).hasMessageContaining("soon");
        assertThatThrownBy(() -> SpokenDuration.ofSsml(
                "<!DOCTYPE speak [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><speak>&x;</speak>"))
                .isInstanceOf(SpokenDuration.InvalidSsml.class);
    }
}
