package dev.acsemulator.call.media;

import dev.acsemulator.runtime.DaemonThreads;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fetches play files over http or https with the JDK's HTTP client, so no event loop and no call lane ever waits on a
 * download. No thread waits on one either: the body is gathered as it arrives ({@link BoundedBody}), so a source that
 * sends its headers and then stalls, or trickles bytes forever, holds nothing but its connection. The whole fetch
 * (connect, headers, body) is bounded by one {@code deadline}, measured on the wall clock as the download itself is,
 * and by a size limit; a fetch past either is cancelled and fails, as does anything but a 2xx. Counts downloads in
 * flight, so virtual time does not jump ahead while a file is still on its way.
 */
public final class HttpAudioFetcher implements AudioFetcher, AutoCloseable {

    private final ExecutorService clientThreads;
    private final ScheduledThreadPoolExecutor deadlines;
    private final HttpClient client;
    private final Duration deadline;
    private final long maxBytes;
    private final AtomicInteger inFlight = new AtomicInteger();

    public HttpAudioFetcher(Duration deadline, long maxBytes) {
        this.clientThreads = Executors.newFixedThreadPool(2, DaemonThreads.named("acs-media-fetch-"));
        this.deadlines = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("acs-media-fetch-deadline-"));
        deadlines.setRemoveOnCancelPolicy(true);
        this.client = HttpClient.newBuilder().executor(clientThreads).connectTimeout(deadline)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.deadline = deadline;
        this.maxBytes = maxBytes;
    }

    @Override
    public CompletableFuture<byte[]> fetch(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return CompletableFuture.failedFuture(new IOException("Not an http or https URL: " + uri));
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(deadline).GET().build();
        AtomicReference<BoundedBody> body = new AtomicReference<>();
        inFlight.incrementAndGet();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, response -> {
            BoundedBody gathering = gather(uri, response);
            body.set(gathering);
            return gathering;
        });
        CompletableFuture<byte[]> fetched = exchange.thenApply(HttpResponse::body);
        ScheduledFuture<?> timer = deadlines.schedule(() -> fetched.completeExceptionally(new HttpTimeoutException(
                "GET " + uri + " did not complete within " + deadline)), deadline.toMillis(), TimeUnit.MILLISECONDS);
        return fetched.whenComplete((bytes, failure) -> {
            timer.cancel(false);
            if (failure != null) {
                BoundedBody gathering = body.get();
                if (gathering != null) {
                    gathering.abandon(new IOException("GET " + uri + " abandoned: " + failure));
                }
                exchange.cancel(true);
            }
            inFlight.decrementAndGet();
        });
    }

    /** Downloads started and not yet finished. */
    public int inFlight() {
        return inFlight.get();
    }

    private BoundedBody gather(URI uri, HttpResponse.ResponseInfo response) {
        if (response.statusCode() / 100 != 2) {
            return BoundedBody.refusing(new IOException("GET " + uri + " answered " + response.statusCode()));
        }
        long announced = response.headers().firstValueAsLong("content-length").orElse(-1);
        if (announced > maxBytes) {
            return BoundedBody.refusing(new IOException("GET " + uri + " announces " + announced
                    + " bytes, more than " + maxBytes));
        }
        return BoundedBody.upTo(maxBytes, "GET " + uri);
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        clientThreads.shutdownNow();
    }
}
