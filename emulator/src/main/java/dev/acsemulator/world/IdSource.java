package dev.acsemulator.world;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;

/**
 * Every id the emulator makes. With a seed, the same sequence of requests yields the same ids; without one, ids are
 * random. {@link Random} is thread-safe, so lanes may draw concurrently.
 */
public final class IdSource {

    private final long seed;
    private final Random random;

    public IdSource(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
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
        long most = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long least = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
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
                + Long.toUnsignedString(random.nextLong(), 36) + "?i=10-0-0-1&e=" + Long.toUnsignedString(random.nextLong());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(conversation.getBytes(StandardCharsets.UTF_8));
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public long nextLong() {
        return random.nextLong();
    }
}
