package dev.acsemulator.api.auth;

import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.http.HttpDates;
import dev.acsemulator.http.HttpRequestMessage;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

/**
 * HMAC-SHA256 exactly as the SDKs sign (sdk-wire-facts.md §4): {@code VERB\npathAndQuery\nx-ms-date;host;contentHash},
 * with the Host header as received (Java omits the port, JS keeps it) and the request target as sent. The body hash
 * must match the body. A date outside the skew window is refused; inside it the same signature may come again, as JS
 * SDK retries re-send it unchanged.
 */
public final class HmacAuthenticator implements Authenticator {

    private static final String SCHEME = "HMAC-SHA256 ";
    private static final String SIGNED_HEADERS = "SignedHeaders=";
    private static final String SIGNATURE = "&Signature=";
    private static final String EXPECTED_HEADERS = "x-ms-date;host;x-ms-content-sha256";

    private final List<SecretKeySpec> keys;
    private final Clock clock;
    private final Duration allowedSkew;
    private final ThreadLocal<MessageDigest> sha256 = ThreadLocal.withInitial(HmacAuthenticator::newDigest);
    /** One initialised Mac per key and thread: getInstance and init cost more than the signature itself. */
    private final ThreadLocal<Mac[]> macs = ThreadLocal.withInitial(this::newMacs);

    public HmacAuthenticator(List<byte[]> accessKeys, Clock clock, Duration allowedSkew) {
        this.keys = accessKeys.stream().map(key -> new SecretKeySpec(key, "HmacSHA256")).toList();
        this.clock = clock;
        this.allowedSkew = allowedSkew;
    }

    @Override
    public String authenticate(HttpRequestMessage request) {
        String authorization = request.header("authorization");
        if (authorization == null || !authorization.startsWith(SCHEME)) {
            throw ApiErrors.unauthorized("The Authorization header is missing or is not HMAC-SHA256.");
        }
        String parameters = authorization.substring(SCHEME.length()).trim();
        int signatureAt = parameters.indexOf(SIGNATURE);
        if (!parameters.startsWith(SIGNED_HEADERS) || signatureAt < 0) {
            throw ApiErrors.unauthorized("The Authorization header is malformed.");
        }
        String signedHeaders = parameters.substring(SIGNED_HEADERS.length(), signatureAt);
        if (!EXPECTED_HEADERS.equalsIgnoreCase(signedHeaders)) {
            throw ApiErrors.unauthorized("SignedHeaders must be " + EXPECTED_HEADERS + ".");
        }
        byte[] signature = decodeBase64(parameters.substring(signatureAt + SIGNATURE.length()));
        String date = required(request, "x-ms-date");
        String host = required(request, "host");
        String contentHash = required(request, "x-ms-content-sha256");
        checkDate(date);
        String actualHash = Base64.getEncoder().encodeToString(sha256.get().digest(request.body()));
        if (!actualHash.equals(contentHash)) {
            throw ApiErrors.unauthorized("Request 'x-ms-content-sha256' differs from generated content hash.");
        }
        byte[] stringToSign = (request.method().toUpperCase() + "\n" + request.rawTarget() + "\n" + date + ";" + host
                + ";" + contentHash).getBytes(StandardCharsets.UTF_8);
        Mac[] perKey = macs.get();
        for (int i = 0; i < perKey.length; i++) {
            if (MessageDigest.isEqual(perKey[i].doFinal(stringToSign), signature)) {
                return "hmac:key" + (i + 1);
            }
        }
        throw ApiErrors.unauthorized("The request signature does not match any access key.");
    }

    private void checkDate(String date) {
        Instant signedAt;
        try {
            signedAt = HttpDates.parseRfc1123(date);
        } catch (DateTimeParseException e) {
            throw ApiErrors.unauthorized("x-ms-date is not an RFC 1123 date.");
        }
        Duration offset = Duration.between(signedAt, clock.instant()).abs();
        if (offset.compareTo(allowedSkew) > 0) {
            throw ApiErrors.unauthorized("The time difference between the originating client and the server is "
                    + "greater than the allowed margin of " + allowedSkew.toMinutes() + " minutes.");
        }
    }

    private Mac[] newMacs() {
        Mac[] perKey = new Mac[keys.size()];
        try {
            for (int i = 0; i < perKey.length; i++) {
                perKey[i] = Mac.getInstance("HmacSHA256");
                perKey[i].init(keys.get(i));
            }
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
        return perKey;
    }

    private static String required(HttpRequestMessage request, String header) {
        String value = request.header(header);
        if (value == null || value.isEmpty()) {
            throw ApiErrors.unauthorized("The " + header + " header is required.");
        }
        return value;
    }

    private static byte[] decodeBase64(String value) {
        try {
            return Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiErrors.unauthorized("The signature is not base64.");
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
