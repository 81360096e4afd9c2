package dev.acsemulator.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Client text repeated in logs and journals is cut to a bound, with the cut marked (issue 14, finding 7). */
class BoundedTextTest {

    @Test
    void shortPrintableTextIsKeptAsItIs() {
        String url = "https://app.example/api/callbacks";

        assertThat(BoundedText.of(url, BoundedText.URL_CHARS)).isSameAs(url);
    }

    @Test
    void aMegabyteUrlIsCutToTheBoundAndSaysHowLongItWas() {
        String url = "https://app.example/" + "a".repeat(1_048_576);

        String kept = BoundedText.of(url, BoundedText.URL_CHARS);

        assertThat(kept).startsWith("https://app.example/aaa").endsWith("... (1048596 characters)")
                .hasSize(BoundedText.URL_CHARS + "... (1048596 characters)".length());
    }

    @Test
    void controlCharactersAreReplacedSoALogLineCannotBeForged() {
        assertThat(BoundedText.of("a\r\nINFO forged\u0000", 100)).isEqualTo("a??INFO forged?");
    }
}
