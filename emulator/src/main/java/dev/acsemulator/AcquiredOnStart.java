package dev.acsemulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * What a starting emulator has acquired so far (event loops, schedulers, bound listeners), each with how to release
 * it, so that a start failing half-way, a port already taken say, releases all of it, newest first, before the
 * failure reaches the caller: no listener stays bound and no thread stays behind.
 */
final class AcquiredOnStart {

    private final Deque<Runnable> releases = new ArrayDeque<>();

    /** Holds {@code resource} until the start succeeds; returns it. */
    <T> T hold(T resource, Consumer<? super T> release) {
        releases.push(() -> release.accept(resource));
        return resource;
    }

    /** The start failed with {@code cause}: releases everything held; a release that fails is added to the cause. */
    void releaseAll(Throwable cause) {
        while (!releases.isEmpty()) {
            try {
                releases.pop().run();
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
