package dev.acsemulator.api.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Range headers as the SDKs send them (inclusive ends, open ends, suffixes) against a 100-byte file. */
class ByteRangeTest {

    @Test
    void aClosedRangeIsInclusiveAndClippedToTheFile() {
        assertThat(ByteRange.parse("bytes=0-11", 100)).hasValueSatisfying(r -> assertThat(r).containsExactly(0, 11));
        assertThat(ByteRange.parse("bytes=90-4194303", 100))
                .hasValueSatisfying(r -> assertThat(r).containsExactly(90, 99));
    }

    @Test
    void anOpenRangeRunsToTheEndAndASuffixTakesTheLastBytes() {
        assertThat(ByteRange.parse("bytes=40-", 100)).hasValueSatisfying(r -> assertThat(r).containsExactly(40, 99));
        assertThat(ByteRange.parse("bytes=-10", 100)).hasValueSatisfying(r -> assertThat(r).containsExactly(90, 99));
        assertThat(ByteRange.parse("bytes=-500", 100)).hasValueSatisfying(r -> assertThat(r).containsExactly(0, 99));
    }

    @Test
    void rangesThatCannotBeSatisfiedOrReadAreRefused() {
        assertThat(ByteRange.parse("bytes=100-", 100)).isEmpty();
        assertThat(ByteRange.parse("bytes=20-10", 100)).isEmpty();
        assertThat(ByteRange.parse("bytes=0-1,5-6", 100)).isEmpty();
        assertThat(ByteRange.parse("items=0-1", 100)).isEmpty();
        assertThat(ByteRange.parse("bytes=a-b", 100)).isEmpty();
        assertThat(ByteRange.parse("bytes=-0", 100)).isEmpty();
        assertThat(ByteRange.parse(null, 100)).isEmpty();
    }
}
