package dev.acsemulator.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * Minimal ASN.1 DER encoder: each method returns one complete TLV, so structures are built bottom-up by nesting calls.
 */
final class DerWriter {

    private static final int TAG_BOOLEAN = 0x01;
    private static final int TAG_INTEGER = 0x02;
    private static final int TAG_BIT_STRING = 0x03;
    private static final int TAG_OCTET_STRING = 0x04;
    private static final int TAG_NULL = 0x05;
    private static final int TAG_OID = 0x06;
    private static final int TAG_UTF8_STRING = 0x0C;
    private static final int TAG_IA5_STRING = 0x16;
    private static final int TAG_UTC_TIME = 0x17;
    private static final int TAG_GENERALIZED_TIME = 0x18;
    private static final int TAG_SEQUENCE = 0x30;
    private static final int TAG_SET = 0x31;
    private static final int CLASS_CONTEXT_SPECIFIC = 0x80;
    private static final int CONSTRUCTED = 0x20;

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");

    private DerWriter() {
    }

    static byte[] sequence(byte[]... elements) {
        return tlv(TAG_SEQUENCE, concat(elements));
    }

    /** Elements are sorted by their encodings, as DER requires for SET OF. */
    static byte[] set(byte[]... elements) {
        byte[][] sorted = elements.clone();
        Arrays.sort(sorted, Arrays::compareUnsigned);
        return tlv(TAG_SET, concat(sorted));
    }

    static byte[] integer(BigInteger value) {
        return tlv(TAG_INTEGER, value.toByteArray());
    }

    static byte[] integer(long value) {
        return integer(BigInteger.valueOf(value));
    }

    static byte[] bool(boolean value) {
        return tlv(TAG_BOOLEAN, new byte[] {(byte) (value ? 0xFF : 0x00)});
    }

    static byte[] nullValue() {
        return tlv(TAG_NULL, new byte[0]);
    }

    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        if (arcs.length < 2) {
            throw new IllegalArgumentException("OID needs at least two arcs: " + dotted);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeBase128(body, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            writeBase128(body, Long.parseLong(arcs[i]));
        }
        return tlv(TAG_OID, body.toByteArray());
    }

    static byte[] utf8String(String value) {
        return tlv(TAG_UTF8_STRING, value.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] ia5String(String value) {
        return tlv(TAG_IA5_STRING, value.getBytes(StandardCharsets.US_ASCII));
    }

    /** RFC 5280 section 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050 on, always whole seconds in UTC. */
    static byte[] time(Instant instant) {
        ZonedDateTime utc = instant.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneOffset.UTC);
        if (utc.getYear() >= 1950 && utc.getYear() <= 2049) {
            return tlv(TAG_UTC_TIME, UTC_TIME.format(utc).getBytes(StandardCharsets.US_ASCII));
        }
        return tlv(TAG_GENERALIZED_TIME, GENERALIZED_TIME.format(utc).getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] bitString(byte[] bytes) {
        return bitString(bytes, 0);
    }

    static byte[] bitString(byte[] bytes, int unusedBitsInLastByte) {
        if (unusedBitsInLastByte < 0 || unusedBitsInLastByte > 7 || (bytes.length == 0 && unusedBitsInLastByte != 0)) {
            throw new IllegalArgumentException("Invalid unused bit count " + unusedBitsInLastByte);
        }
        byte[] content = new byte[bytes.length + 1];
        content[0] = (byte) unusedBitsInLastByte;
        System.arraycopy(bytes, 0, content, 1, bytes.length);
        return tlv(TAG_BIT_STRING, content);
    }

    static byte[] octetString(byte[] bytes) {
        return tlv(TAG_OCTET_STRING, bytes);
    }

    /** {@code [tagNumber] EXPLICIT}: wraps the complete inner encoding. */
    static byte[] explicit(int tagNumber, byte[] innerEncoding) {
        return tlv(CLASS_CONTEXT_SPECIFIC | CONSTRUCTED | lowTagNumber(tagNumber), innerEncoding);
    }

    /** {@code [tagNumber] IMPLICIT} over a primitive type: the content octets keep their meaning, the tag is replaced. */
    static byte[] implicitPrimitive(int tagNumber, byte[] contentOctets) {
        return tlv(CLASS_CONTEXT_SPECIFIC | lowTagNumber(tagNumber), contentOctets);
    }

    /** {@code [tagNumber] IMPLICIT} over a constructed type such as SEQUENCE: pass the concatenated elements. */
    static byte[] implicitConstructed(int tagNumber, byte[]... elements) {
        return tlv(CLASS_CONTEXT_SPECIFIC | CONSTRUCTED | lowTagNumber(tagNumber), concat(elements));
    }

    static byte[] tlv(int tag, byte[] content) {
        byte[] length = length(content.length);
        byte[] encoded = new byte[1 + length.length + content.length];
        encoded[0] = (byte) tag;
        System.arraycopy(length, 0, encoded, 1, length.length);
        System.arraycopy(content, 0, encoded, 1 + length.length, content.length);
        return encoded;
    }

    private static int lowTagNumber(int tagNumber) {
        if (tagNumber < 0 || tagNumber > 30) {
            throw new IllegalArgumentException("Only low tag numbers 0..30 are supported, got " + tagNumber);
        }
        return tagNumber;
    }

    private static byte[] length(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        int byteCount = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
        byte[] encoded = new byte[1 + byteCount];
        encoded[0] = (byte) (0x80 | byteCount);
        for (int i = 0; i < byteCount; i++) {
            encoded[byteCount - i] = (byte) (length >>> (8 * i));
        }
        return encoded;
    }

    private static void writeBase128(ByteArrayOutputStream out, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("Negative OID arc " + value);
        }
        int groups = Math.max(1, (Long.SIZE - Long.numberOfLeadingZeros(value) + 6) / 7);
        for (int i = groups - 1; i >= 0; i--) {
            int septet = (int) ((value >>> (7 * i)) & 0x7F);
            out.write(i == 0 ? septet : septet | 0x80);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int total = 0;
        for (byte[] part : parts) {
            total += part.length;
        }
        byte[] joined = new byte[total];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, joined, offset, part.length);
            offset += part.length;
        }
        return joined;
    }
}
