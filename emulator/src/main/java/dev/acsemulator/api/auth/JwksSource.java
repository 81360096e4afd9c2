package dev.acsemulator.api.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where {@code --bearer-jwks} points: a JWKS file, read once at start, or an http(s) URL, fetched at start (on the
 * starting thread, never an event loop) and kept. When a token names a {@code kid} the kept set lacks, the URL is
 * fetched again in the background, at most once a {@link #REFRESH_INTERVAL} on the injected clock, as identity
 * providers rotate keys; the request that revealed the new {@code kid} is answered from the set it found, and later
 * ones from the new set once it has arrived. A failed refresh keeps the old set and is logged.
 */
public final class JwksSource implements AutoCloseable {

    public static final Duration REFRESH_INTERVAL = Duration.ofMinutes(1);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_BYTES = 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(JwksSource.class);

    private final String location;
    private final Optional<URI> url;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final ExecutorService executor;
    private final HttpClient client;
    private final AtomicReference<Instant> lastFetch;
    private volatile JsonWebKeySet keys;

    private JwksSource(String location, Optional<URI> url, Clock clock, ObjectMapper mapper) {
        this.location = location;
        this.url = url;
        this.clock = clock;
        this.mapper = mapper;
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bearer-jwks");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder().executor(executor).connectTimeout(FETCH_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.lastFetch = new AtomicReference<>(clock.instant());
    }

    /**
     * Loads the key set from a file path or an http(s) URL, now; {@link IllegalArgumentException} says why it cannot
     * be used, so the emulator does not start with an option it cannot honour.
     */
    public static JwksSource open(String location, Clock clock, ObjectMapper mapper) {
        boolean remote = location.startsWith("http://") || location.startsWith("https://");
        JwksSource source = new JwksSource(location, remote ? Optional.of(URI.create(location)) : Optional.empty(),
                clock, mapper);
        try {
            source.keys = JsonWebKeySet.parse(remote ? source.fetch().join() : read(Path.of(location)), mapper);
        } catch (RuntimeException e) {
            source.close();
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                    ? e.getCause() : e;
            throw new IllegalArgumentException("--bearer-jwks " + location + ": " + cause.getMessage(), cause);
        }
        LOG.info("Bearer token signatures are verified with the {} key(s) of {}", source.keys.size(), location);
        return source;
    }

    /** The key set kept now. */
    public JsonWebKeySet keys() {
        return keys;
    }

    /**
     * A token named a {@code kid} the kept set lacks: fetches the URL again in the background unless it was fetched
     * less than {@link #REFRESH_INTERVAL} ago (or the set is a file). Answers whether a fetch started.
     */
    public boolean refreshForUnknownKey() {
        if (url.isEmpty()) {
            return false;
        }
        Instant last = lastFetch.get();
        Instant now = clock.instant();
        if (now.isBefore(last.plus(REFRESH_INTERVAL)) || !lastFetch.compareAndSet(last, now)) {
            return false;
        }
        try {
            fetch().thenApplyAsync(body -> JsonWebKeySet.parse(body, mapper), executor)
                    .whenComplete(this::refreshed);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            return false;
        }
        return true;
    }

    private void refreshed(JsonWebKeySet fresh, Throwable failure) {
        if (failure != null) {
            LOG.warn("Refreshing the bearer JWKS from {} failed; keeping the {} key(s) held: {}", location,
                    keys.size(), failure.getMessage());
        } else {
            keys = fresh;
            LOG.info("Refreshed the bearer JWKS from {}: {} key(s)", location, fresh.size());
        }
    }

    private CompletableFuture<byte[]> fetch() {
        HttpRequest request = HttpRequest.newBuilder(url.orElseThrow()).timeout(FETCH_TIMEOUT)
                .header("accept", "application/json").GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenApply(response -> {
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IllegalArgumentException("fetching the JWKS answered " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new IllegalArgumentException("the JWKS is larger than " + MAX_BYTES + " bytes");
                }
                return bytes;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static byte[] read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("the JWKS is larger than " + MAX_BYTES + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the JWKS file: " + e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
