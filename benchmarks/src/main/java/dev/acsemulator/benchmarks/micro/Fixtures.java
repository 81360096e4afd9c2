package dev.acsemulator.benchmarks.micro;

import dev.acsemulator.config.EmulatorConfig;
import dev.acsemulator.http.HttpRequestMessage;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Requests as the official SDKs send them (sdk-wire-facts.md §3–§5), signed with the well-known key. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-11-22T00:33:38Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final byte[] KEY = Base64.getDecoder().decode(EmulatorConfig.WELL_KNOWN_KEY);
    static final String RESOURCE_ID = "0a5e0000-ca11-4a7e-8000-000000000001";
    static final String API_VERSION = "2023-03-06";
    static final String CALL_ID = "411f0b00-aaaa-bbbb-cccc-000000000001";
    static final String CREATE_CALL_BODY = "{\"targets\":[{\"rawId\":\"8:acs:" + RESOURCE_ID
            + "_00000000-0000-0000-0000-000000000001\",\"communicationUser\":{\"id\":\"8:acs:" + RESOURCE_ID
            + "_00000000-0000-0000-0000-000000000001\"}}],\"callbackUri\":\"http://127.0.0.1:3000/api/callbacks\"}";

    private Fixtures() {
    }

    /** A request signed exactly as the Java SDK signs it: Host without port, RFC 1123 date, content hash. */
    static HttpRequestMessage signed(String method, String target, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.atZone(ZoneOffset.UTC));
        try {
            String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            String signature = Base64.getEncoder().encodeToString(mac.doFinal(
                    (method + "\n" + target + "\n" + date + ";127.0.0.1;" + hash).getBytes(StandardCharsets.UTF_8)));
            Map<String, String> headers = new HashMap<>();
            headers.put("host", "127.0.0.1");
            headers.put("x-ms-date", date);
            headers.put("x-ms-content-sha256", hash);
            headers.put("authorization", "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature="
                    + signature);
            headers.put("x-ms-client-request-id", "a48426f6-7bae-4d10-b04f-2c8b0d062b23");
            headers.put("accept", "application/json");
            if (!body.isEmpty()) {
                headers.put("content-type", "application/json");
                headers.put("repeatability-request-id", "043c9130-b125-42a2-9de0-24474e076d0d");
                headers.put("repeatability-first-sent", date);
            }
            return new HttpRequestMessage(method, target, headers, bytes, "https", 8443);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
