package dev.acsemulator.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;

/**
 * Every id the emulator makes. With a seed, the same sequence of requests yields the same ids; without one, ids are
 * random. Draws are synchronized, so lanes may draw concurrently. Every call holds its own source for its whole life,
 * so the generator is {@link Random}'s own (same seed, same numbers) kept in one field instead of a {@code Random}
 * and its {@code AtomicLong}.
 */
public final class IdSource {

    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long ADDEND = 0xBL;
    private static final long MASK = (1L << 48) - 1;

    private final long seed;
    /** {@link Random}'s 48-bit linear congruential state, scrambled from the seed as {@code new Random(seed)} does. */
    private long state;

    public IdSource(long seed) {
        this.seed = seed;
        this.state = (seed ^ MULTIPLIER) & MASK;
    }

    /**
     * The id source of the n-th call: its own sequence, so the ids inside a call do not depend on how other calls'
     * work interleaves with it. With a seed, the n-th call always gets the same ids.
     */
    public IdSource derive(long ordinal) {
        long mixed = seed ^ (ordinal * 0x9E3779B97F4A7C15L);
        mixed = (mixed ^ (mixed >>> 31)) * 0xBF58476D1CE4E5B9L;
        return new IdSource(mixed ^ (mixed >>> 29));
    }

    public static IdSource unseeded() {
        return new IdSource(new Random().nextLong());
    }

    public UUID uuid() {
        long most = (nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long least = (nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    public String guid() {
        return uuid().toString();
    }

    /**
     * A server call id shaped like the service's: base64 of a conversation URL (call-automation-behaviour.md §3),
     * in the URL-safe alphabet so it can stand in a control API path.
     */
    public String serverCallId() {
        String conversation = "https://api.flightproxy.skype.com/api/v2/cp/conv-emulator-01.conv.skype.com/conv/"
                + Long.toUnsignedString(nextLong(), 36) + "?i=10-0-0-1&e=" + Long.toUnsignedString(nextLong());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(conversation.getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link Random#nextInt(int)}. */
    public synchronized int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        int r = next(31);
        int m = bound - 1;
        if ((bound & m) == 0) {
            return (int) ((bound * (long) r) >> 31);
        }
        for (int u = r; u - (r = u % bound) + m < 0; u = next(31)) {
            // rejected: u fell in the last, partial range of bound
        }
        return r;
    }

    /** As {@link Random#nextLong()}. */
    public synchronized long nextLong() {
        return ((long) next(32) << 32) + next(32);
    }

    private int next(int bits) {
        state = (state * MULTIPLIER + ADDEND) & MASK;
        return (int) (state >>> (48 - bits));
    }
}
