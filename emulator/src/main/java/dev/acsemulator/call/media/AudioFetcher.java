package dev.acsemulator.call.media;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/** Downloads a play source's file. Completes off the caller's thread; never blocks it. */
@FunctionalInterface
public interface AudioFetcher {

    /** The file's bytes, or a failure saying why it could not be downloaded. */
    CompletableFuture<byte[]> fetch(URI uri);
}
