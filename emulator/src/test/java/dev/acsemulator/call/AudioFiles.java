package dev.acsemulator.call;

import com.sun.net.httpserver.HttpServer;
import dev.acsemulator.call.media.AudioCache;
import dev.acsemulator.call.media.HeardPrompt;
import dev.acsemulator.call.media.HttpAudioFetcher;
import dev.acsemulator.call.media.MediaService;
import dev.acsemulator.call.media.PlaySource;
import dev.acsemulator.call.media.SourcePreparer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Audio files served by a real HTTP server on the loopback, and the media service of a {@link CallWorld} that
 * downloads them, on the system clock; counts the downloads of each path. Also serves sources that never finish:
 * headers then silence ({@link #stall}), or a byte now and then forever ({@link #trickle}), each held on its own
 * server thread until {@link #close}.
 */
final class AudioFiles implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService serverThreads = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final HttpAudioFetcher fetcher;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    AudioFiles() {
        this(Duration.ofSeconds(2));
    }

    /** Files fetched within {@code fetchDeadline} each, or not at all. */
    AudioFiles(Duration fetchDeadline) {
        fetcher = new HttpAudioFetcher(fetchDeadline, 1 << 20);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(serverThreads);
    }

    /** Serves {@code body} at {@code path}; call before {@link #start}. */
    AudioFiles serve(String path, byte[] body) {
        server.createContext(path, exchange -> {
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        return this;
    }

    /** At {@code path}: 200 announcing a whole file, the first bytes of its header, then nothing until closed. */
    AudioFiles stall(String path) {
        return neverEnding(path, Duration.ofDays(1));
    }

    /** At {@code path}: 200 announcing a whole file, then one byte every 50 ms until closed. */
    AudioFiles trickle(String path) {
        return neverEnding(path, Duration.ofMillis(50));
    }

    private AudioFiles neverEnding(String path, Duration betweenBytes) {
        byte[] riff = "RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        server.createContext(path, exchange -> {
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(200, 1 << 16);
            try (var body = exchange.getResponseBody()) {
                for (int sent = 0; closing.getCount() > 0; sent++) {
                    body.write(riff[sent % riff.length]);
                    body.flush();
                    closing.await(betweenBytes.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (IOException | InterruptedException gone) {
                // The fetcher hung up on it, or the server is closing: what the test is about.
            }
        });
        return this;
    }

    AudioFiles start() {
        server.start();
        return this;
    }

    MediaService mediaOf(CallWorld world) {
        return new MediaService(world.calls, new SourcePreparer(fetcher, new AudioCache(4)), Clock.systemUTC());
    }

    /** The media service on {@code clock}, so what it plays lines up with a recording on the same clock. */
    MediaService mediaOf(CallWorld world, Clock clock) {
        return new MediaService(world.calls, new SourcePreparer(fetcher, new AudioCache(4)), clock);
    }

    PlaySource file(String path) {
        return new PlaySource.File(uri(path), null);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    int downloads(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    /** What the participants of the connection's call heard, read on the call's lane. */
    static List<HeardPrompt> heard(CallWorld world, String callConnectionId) {
        Call call = world.registry.connection(callConnectionId).orElseThrow().call();
        return CallWorld.done(CallContext.onLane(call, () -> call.media().heard()));
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        serverThreads.shutdownNow();
        fetcher.close();
    }
}
