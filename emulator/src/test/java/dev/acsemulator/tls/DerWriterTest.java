package dev.acsemulator.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DerWriterTest {

    @Test
    void objectIdentifierArcsAreEncodedInBase128() {
        assertThat(DerWriter.oid("1.2.840.113549.1.1.11"))
                .containsExactly(0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0B);
    }

    @Test
    void positiveIntegerWithHighBitGetsALeadingZero() {
        assertThat(DerWriter.integer(BigInteger.valueOf(128))).containsExactly(0x02, 0x02, 0x00, 0x80);
        assertThat(DerWriter.integer(0)).containsExactly(0x02, 0x01, 0x00);
    }

    @Test
    void lengthsFrom128OnUseTheLongForm() {
        assertThat(DerWriter.octetString(new byte[127])).startsWith(0x04, 0x7F);
        assertThat(DerWriter.octetString(new byte[200])).startsWith(0x04, 0x81, 0xC8).hasSize(203);
        assertThat(DerWriter.octetString(new byte[300])).startsWith(0x04, 0x82, 0x01, 0x2C).hasSize(304);
    }

    @Test
    void timesUntil2049AreUtcTimeAndLaterOnesGeneralizedTime() {
        byte[] utcTime = DerWriter.time(Instant.parse("2049-12-31T23:59:59.750Z"));
        byte[] generalizedTime = DerWriter.time(Instant.parse("2050-01-01T00:00:00Z"));

        assertThat(utcTime).startsWith(0x17, 13);
        assertThat(new String(utcTime, 2, 13, StandardCharsets.US_ASCII)).isEqualTo("491231235959Z");
        assertThat(generalizedTime).startsWith(0x18, 15);
        assertThat(new String(generalizedTime, 2, 15, StandardCharsets.US_ASCII)).isEqualTo("20500101000000Z");
    }

    @Test
    void bitStringCarriesTheUnusedBitCount() {
        assertThat(DerWriter.bitString(new byte[] {(byte) 0xA4}, 2)).containsExactly(0x03, 0x02, 0x02, 0xA4);
    }

    @Test
    void booleanNullAndStringsUseTheirUniversalTags() {
        assertThat(DerWriter.bool(true)).containsExactly(0x01, 0x01, 0xFF);
        assertThat(DerWriter.nullValue()).containsExactly(0x05, 0x00);
        assertThat(DerWriter.utf8String("é")).containsExactly(0x0C, 0x02, 0xC3, 0xA9);
        assertThat(DerWriter.ia5String("a")).containsExactly(0x16, 0x01, 0x61);
    }

    @Test
    void contextSpecificTagsAreExplicitOrImplicit() {
        assertThat(DerWriter.explicit(0, DerWriter.integer(2))).containsExactly(0xA0, 0x03, 0x02, 0x01, 0x02);
        assertThat(DerWriter.implicitPrimitive(7, new byte[] {127, 0, 0, 1})).containsExactly(0x87, 0x04, 127, 0, 0, 1);
        assertThat(DerWriter.implicitConstructed(1, DerWriter.nullValue())).containsExactly(0xA1, 0x02, 0x05, 0x00);
    }

    @Test
    void setElementsAreSortedByEncoding() {
        assertThat(DerWriter.set(DerWriter.integer(2), DerWriter.integer(1)))
                .containsExactly(0x31, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02);
    }
}
