package dev.acsemulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class RequestTargetTest {

    @Test
    void splitsTheRawPathFromTheQueryAndKeepsThePathUndecoded() {
        RequestTarget target = RequestTarget.parse(
                "/calling/callConnections/abc/participants/4%3A%2B14255550123?api-version=2026-03-12");

        assertThat(target.rawPath()).isEqualTo("/calling/callConnections/abc/participants/4%3A%2B14255550123");
        assertThat(target.query()).containsExactly(entry("api-version", "2026-03-12"));
    }

    @Test
    void aTargetWithoutAQueryHasAnEmptyQuery() {
        RequestTarget target = RequestTarget.parse("/calling/callConnections/abc:terminate");

        assertThat(target.rawPath()).isEqualTo("/calling/callConnections/abc:terminate");
        assertThat(target.query()).isEmpty();
    }

    @Test
    void queryParametersAreDecodedKeptInOrderAndTheFirstOfARepeatedNameWins() {
        RequestTarget target = RequestTarget.parse("/p?b=2&a=%3A1&b=3&flag&&=empty-name");

        assertThat(target.query()).containsExactly(entry("b", "2"), entry("a", ":1"), entry("flag", ""),
                entry("", "empty-name"));
    }

    @Test
    void anEmptyQueryAfterTheQuestionMarkHasNoParameters() {
        RequestTarget target = RequestTarget.parse("/calling/callConnections?");

        assertThat(target.rawPath()).isEqualTo("/calling/callConnections");
        assertThat(target.query()).isEmpty();
    }

    @Test
    void aValueMayContainAnEqualsSign() {
        assertThat(RequestTarget.parse("/p?skip=a=b").query()).containsExactly(entry("skip", "a=b"));
    }

    @Test
    void aPlusInTheQueryStaysAPlus() {
        assertThat(RequestTarget.parse("/p?id=4:+14255550123&enc=4%3A%2B1").query())
                .containsExactly(entry("id", "4:+14255550123"), entry("enc", "4:+1"));
    }

    @Test
    void decodeLeavesTextWithoutEscapesAlone() {
        String text = "8:acs:abc_def+1";

        assertThat(RequestTarget.decode(text)).isSameAs(text);
    }

    @Test
    void decodeAcceptsUpperAndLowerCaseHex() {
        assertThat(RequestTarget.decode("4%3a%2b1%3A%2B2")).isEqualTo("4:+1:+2");
    }

    @Test
    void decodeReadsMultiByteEscapesAsUtf8() {
        assertThat(RequestTarget.decode("caf%C3%A9%20%E2%82%AC%F0%9F%98%80")).isEqualTo("café €😀");
    }

    @Test
    void decodeKeepsRawNonAsciiCharactersNextToEscapes() {
        assertThat(RequestTarget.decode("é%C3%A9😀%21")).isEqualTo("éé😀!");
    }

    @Test
    void decodeKeepsMalformedEscapesAsWritten() {
        assertThat(RequestTarget.decode("100%")).isEqualTo("100%");
        assertThat(RequestTarget.decode("a%4")).isEqualTo("a%4");
        assertThat(RequestTarget.decode("%zz%41")).isEqualTo("%zzA");
        assertThat(RequestTarget.decode("%%41")).isEqualTo("%A");
        assertThat(RequestTarget.decode("%G1")).isEqualTo("%G1");
    }

    @Test
    void decodeTurnsBytesThatAreNotUtf8IntoTheReplacementCharacterRatherThanFailing() {
        assertThat(RequestTarget.decode("a%FFb")).isEqualTo("a\uFFFDb");
    }
}
