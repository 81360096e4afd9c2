package dev.acsemulator.call.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fetches play files over http or https with the JDK's HTTP client on its own small executor, so no event loop and no
 * call lane ever waits on a download. Bounded by a timeout and a size limit; anything but a 2xx is a failure. Counts
 * downloads in flight, so virtual time does not jump ahead while a file is still on its way.
 */
public final class HttpAudioFetcher implements AudioFetcher, AutoCloseable {

    private final ExecutorService executor;
    private final HttpClient client;
    private final Duration timeout;
    private final long maxBytes;
    private final AtomicInteger inFlight = new AtomicInteger();

    public HttpAudioFetcher(Duration timeout, long maxBytes) {
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "acs-media-fetch-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder().executor(executor).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    @Override
    public CompletableFuture<byte[]> fetch(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return CompletableFuture.failedFuture(new IOException("Not an http or https URL: " + uri));
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        inFlight.incrementAndGet();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApplyAsync(this::body, executor)
                .whenComplete((bytes, failure) -> inFlight.decrementAndGet());
    }

    /** Downloads started and not yet finished. */
    public int inFlight() {
        return inFlight.get();
    }

    private byte[] body(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw new IOException("GET " + response.uri() + " answered " + response.statusCode());
            }
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new IOException("GET " + response.uri() + " is larger than " + maxBytes + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
