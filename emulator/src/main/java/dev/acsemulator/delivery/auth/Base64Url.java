package dev.acsemulator.delivery.auth;

import java.nio.charset.StandardCharsets;

/** RFC 4648 section 5 base64url without padding, writing straight into a caller's buffer. */
final class Base64Url {

    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".getBytes(StandardCharsets.US_ASCII);

    private Base64Url() {
    }

    static int encodedLength(int byteCount) {
        int remainder = byteCount % 3;
        return byteCount / 3 * 4 + (remainder == 0 ? 0 : remainder + 1);
    }

    /** @return the offset just past the last character written */
    static int encode(byte[] source, byte[] target, int offset) {
        int out = offset;
        int wholeGroupsEnd = source.length - source.length % 3;
        for (int in = 0; in < wholeGroupsEnd; in += 3) {
            int bits = (source[in] & 0xFF) << 16 | (source[in + 1] & 0xFF) << 8 | (source[in + 2] & 0xFF);
            target[out++] = ALPHABET[bits >>> 18];
            target[out++] = ALPHABET[(bits >>> 12) & 0x3F];
            target[out++] = ALPHABET[(bits >>> 6) & 0x3F];
            target[out++] = ALPHABET[bits & 0x3F];
        }
        int remainder = source.length - wholeGroupsEnd;
        if (remainder > 0) {
            int bits = (source[wholeGroupsEnd] & 0xFF) << 16 | (remainder == 2 ? (source[wholeGroupsEnd + 1] & 0xFF) << 8 : 0);
            target[out++] = ALPHABET[bits >>> 18];
            target[out++] = ALPHABET[(bits >>> 12) & 0x3F];
            if (remainder == 2) {
                target[out++] = ALPHABET[(bits >>> 6) & 0x3F];
            }
        }
        return out;
    }

    static String encodeToString(byte[] source) {
        byte[] encoded = new byte[encodedLength(source.length)];
        encode(source, encoded, 0);
        return new String(encoded, StandardCharsets.ISO_8859_1);
    }
}
