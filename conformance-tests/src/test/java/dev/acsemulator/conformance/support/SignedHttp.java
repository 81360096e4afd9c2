package dev.acsemulator.conformance.support;

import dev.acsemulator.Emulator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * A raw HTTPS client that signs requests exactly as the SDKs do (sdk-wire-facts.md §4), for operations and failure
 * cases the Java SDK 1.0.4 cannot produce.
 */
public final class SignedHttp {

    private final Emulator emulator;
    private final HttpClient client;
    private final byte[] key;

    public SignedHttp(Emulator emulator) {
        this.emulator = emulator;
        this.client = HttpClient.newBuilder().sslContext(emulator.tls().clientSslContext()).build();
        this.key = Base64.getDecoder().decode(emulator.config().accessKeys().get(0));
    }

    public HttpResponse<String> send(String method, String pathAndQuery, String body) {
        return send(method, pathAndQuery, body, key, java.util.List.of());
    }

    public HttpResponse<String> send(String method, String pathAndQuery, String body, byte[] signingKey) {
        return send(method, pathAndQuery, body, signingKey, java.util.List.of());
    }

    /** {@code extraHeaders}: name, value, name, value… */
    public HttpResponse<String> send(String method, String pathAndQuery, String body, java.util.List<String> extraHeaders) {
        return send(method, pathAndQuery, body, key, extraHeaders);
    }

    /**
     * The headers that sign a request as the SDKs do: {@code x-ms-date}, {@code x-ms-content-sha256} and
     * {@code Authorization}, for {@code host} as the request's Host header names it.
     */
    public java.util.Map<String, String> signatureHeaders(String method, String pathAndQuery, String host,
                                                          byte[] body) {
        return signatureHeaders(method, pathAndQuery, host, body, key);
    }

    private static java.util.Map<String, String> signatureHeaders(String method, String pathAndQuery, String host,
                                                                  byte[] body, byte[] signingKey) {
        try {
            String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
            String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
            String stringToSign = method + "\n" + pathAndQuery + "\n" + date + ";" + host + ";" + hash;
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            String signature = Base64.getEncoder().encodeToString(
                    mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
            java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
            headers.put("x-ms-date", date);
            headers.put("x-ms-content-sha256", hash);
            headers.put("Authorization", "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature="
                    + signature);
            return headers;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signed request without a body whose answer is read as bytes (a recording's content). */
    public HttpResponse<byte[]> sendForBytes(String method, String pathAndQuery) {
        return send(method, pathAndQuery, null, key, java.util.List.of(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body, byte[] signingKey,
                                      java.util.List<String> extraHeaders) {
        return send(method, pathAndQuery, body, signingKey, extraHeaders, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(String method, String pathAndQuery, String body, byte[] signingKey,
                                     java.util.List<String> extraHeaders, HttpResponse.BodyHandler<T> answer) {
        try {
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String host = "127.0.0.1:" + emulator.httpsPort();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://" + host + pathAndQuery))
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
            signatureHeaders(method, pathAndQuery, host, bytes, signingKey).forEach(request::header);
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            for (int i = 0; i + 1 < extraHeaders.size(); i += 2) {
                request.header(extraHeaders.get(i), extraHeaders.get(i + 1));
            }
            return client.send(request.build(), answer);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
