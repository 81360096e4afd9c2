package dev.acsemulator.activity;

import java.util.Arrays;

/**
 * A request or response body as an activity item keeps it: the bytes the edge already holds, by reference when they
 * are at most {@link #MAX_BYTES}, else their first {@code MAX_BYTES} copied; {@code length} is always the whole length.
 */
public record BoundedBody(byte[] bytes, int length) {

    /** The most of one body an activity item keeps. */
    public static final int MAX_BYTES = 16 * 1024;

    static final BoundedBody EMPTY = new BoundedBody(new byte[0], 0);

    static BoundedBody of(byte[] body) {
        if (body == null || body.length == 0) {
            return EMPTY;
        }
        return new BoundedBody(body.length <= MAX_BYTES ? body : Arrays.copyOf(body, MAX_BYTES), body.length);
    }

    public boolean truncated() {
        return bytes.length < length;
    }
}
