package dev.acsemulator.activity;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One Server-Sent Event as the UTF-8 bytes every subscriber is sent: {@code event: <name>}, then the JSON a
 * {@link ActivityFeed.JsonBody} streams on one {@code data:} line (a generator writes no raw line breaks), then the
 * blank line that ends the event. No tree and no intermediate string: the generator writes into the frame's bytes.
 */
final class SseFrames {

    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] DATA = "\ndata: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT = "event: ".getBytes(StandardCharsets.US_ASCII);
    /** An item's frame is 300 to 500 bytes: one first block holds it. */
    private static final int FIRST_BLOCK = 512;

    private SseFrames() {
    }

    static byte[] frame(String event, ActivityFeed.JsonBody body) {
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(FIRST_BLOCK)) {
            bytes.write(EVENT);
            bytes.write(event.getBytes(StandardCharsets.UTF_8));
            bytes.write(DATA);
            try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
                body.write(json);
            }
            bytes.write(END);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory does not fail", e);
        }
    }
}
