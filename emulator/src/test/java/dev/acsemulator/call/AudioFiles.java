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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Audio files served by a real HTTP server on the loopback, and the media service of a {@link CallWorld} that
 * downloads them, on the system clock; counts the downloads of each path.
 */
final class AudioFiles implements AutoCloseable {

    private final HttpServer server;
    private final HttpAudioFetcher fetcher = new HttpAudioFetcher(Duration.ofSeconds(2), 1 << 20);
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    AudioFiles() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        server.stop(0);
        fetcher.close();
    }
}
