package dev.acsemulator.testing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The headers an SDK signs a request with: HMAC-SHA256 over method, path and query, date, host and body hash. */
public final class HmacSigner {

    private final byte[] key;

    public HmacSigner(String base64Key) {
        this.key = Base64.getDecoder().decode(base64Key);
    }

    /** {@code x-ms-date}, {@code x-ms-content-sha256} and {@code Authorization} for this request. */
    public Map<String, String> headers(String method, String pathAndQuery, String host, byte[] body) {
        try {
            String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
            String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String signature = Base64.getEncoder().encodeToString(mac.doFinal((method + "\n" + pathAndQuery + "\n"
                    + date + ";" + host + ";" + hash).getBytes(StandardCharsets.UTF_8)));
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("x-ms-date", date);
            headers.put("x-ms-content-sha256", hash);
            headers.put("Authorization", "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature="
                    + signature);
            return headers;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
