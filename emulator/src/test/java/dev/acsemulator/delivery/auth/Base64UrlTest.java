package dev.acsemulator.delivery.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Base64UrlTest {

    @Test
    void matchesTheJdkEncoderWithoutPaddingForEveryRemainder() {
        SplittableRandom random = new SplittableRandom(7);
        for (int length = 0; length <= 300; length++) {
            byte[] source = new byte[length];
            random.nextBytes(source);
            String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(source);

            assertThat(Base64Url.encodeToString(source)).as("length %d", length).isEqualTo(expected);
            assertThat(Base64Url.encodedLength(length)).isEqualTo(expected.length());
        }
    }

    @Test
    void writesAtTheGivenOffsetAndReportsTheEnd() {
        byte[] target = new byte[10];
        Arrays.fill(target, (byte) '#');

        int end = Base64Url.encode(new byte[] {(byte) 0xFB, (byte) 0xFF}, target, 3);

        assertThat(end).isEqualTo(6);
        assertThat(new String(target, StandardCharsets.US_ASCII)).isEqualTo("###-_8####");
    }
}
