package dev.acsemulator.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response to write: status, headers and body. */
public record HttpResponseMessage(int status, Map<String, String> headers, byte[] body) {

    public static final String JSON = "application/json; charset=utf-8";

    public static HttpResponseMessage json(int status, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON);
        return new HttpResponseMessage(status, headers, body);
    }

    public static HttpResponseMessage json(int status, String body) {
        return json(status, body.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponseMessage empty(int status) {
        return new HttpResponseMessage(status, new LinkedHashMap<>(), new byte[0]);
    }

    public HttpResponseMessage withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpResponseMessage(status, copy, body);
    }
}
