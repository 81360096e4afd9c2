package dev.acsemulator.benchmarks.load;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Encodes whole HTTP/1.1 requests signed as the official SDKs sign them (sdk-wire-facts.md §4): x-ms-date,
 * x-ms-content-sha256 and the HMAC-SHA256 Authorization over method, target, date, host and hash; POSTs carry the
 * Repeatability-* headers the SDKs send (unless
 * told not to, to measure the rest of the path without the repeatability check). Not thread-safe: one per load-generator thread.
 */
final class RequestSigner {

    private static final String EMPTY_HASH = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

    private final Mac mac;
    private final MessageDigest sha256;
    private final String host;
    private final boolean repeatability;
    private long dateSecond = Long.MIN_VALUE;
    private String date;
    private long serial;

    RequestSigner(byte[] key, String host, boolean repeatability) {
        this.repeatability = repeatability;
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            this.mac.init(new SecretKeySpec(key, "HmacSHA256"));
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.host = host;
    }

    /** A GET or DELETE without a body. */
    byte[] bodiless(String method, String target) {
        return encode(method, target, null, EMPTY_HASH);
    }

    /** A repeatable JSON POST, as CreateCall is sent. */
    byte[] post(String target, byte[] body) {
        String hash = Base64.getEncoder().encodeToString(sha256.digest(body));
        return encode("POST", target, body, hash);
    }

    private byte[] encode(String method, String target, byte[] body, String hash) {
        String now = currentDate();
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(
                (method + "\n" + target + "\n" + now + ";" + host + ";" + hash).getBytes(StandardCharsets.UTF_8)));
        long id = ++serial;
        StringBuilder head = new StringBuilder(512)
                .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n")
                .append("x-ms-date: ").append(now).append("\r\n")
                .append("x-ms-content-sha256: ").append(hash).append("\r\n")
                .append("Authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=")
                .append(signature).append("\r\n")
                .append("x-ms-client-request-id: ").append(uuid(0x1111, id)).append("\r\n")
                .append("Accept: application/json\r\n");
        if (body != null) {
            head.append("Content-Type: application/json\r\n");
            if (repeatability) {
                head.append("Repeatability-Request-ID: ").append(uuid(0x2222, id)).append("\r\n")
                        .append("Repeatability-First-Sent: ").append(now).append("\r\n");
            }
        }
        head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        if (body == null) {
            return headBytes;
        }
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    private String currentDate() {
        long second = System.currentTimeMillis() / 1000;
        if (second != dateSecond) {
            dateSecond = second;
            date = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochSecond(second).atZone(ZoneOffset.UTC));
        }
        return date;
    }

    private static String uuid(int prefix, long serial) {
        String hex = Long.toHexString(serial);
        return String.format("%08x", prefix) + "-0000-4000-8000-" + "000000000000".substring(hex.length()) + hex;
    }
}
