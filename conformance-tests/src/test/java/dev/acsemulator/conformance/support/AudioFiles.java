package dev.acsemulator.conformance.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP server on 127.0.0.1 that serves the audio files a scenario plays, and counts how often each was
 * fetched. WAV files are written here, header byte by byte, so the emulator's parser is checked against bytes it did
 * not write itself.
 */
public final class AudioFiles implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();

    public AudioFiles() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.start();
    }

    /** Serves {@code body} at {@code path}; returns its URL. */
    public String serve(String path, byte[] body) {
        server.createContext(path, exchange -> {
            fetches.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "audio/wav");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        return url(path);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int fetches(String path) {
        AtomicInteger count = fetches.get(path);
        return count == null ? 0 : count.get();
    }

    /** A canonical 44-byte-header PCM WAV file of silence. */
    public static byte[] wav(int channels, int sampleRate, int bitsPerSample, long millis) {
        int blockAlign = channels * bitsPerSample / 8;
        int dataBytes = (int) (sampleRate * millis / 1000) * blockAlign;
        ByteBuffer file = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        file.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) channels).putInt(sampleRate).putInt(sampleRate * blockAlign)
                .putShort((short) blockAlign).putShort((short) bitsPerSample)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        return file.array();
    }

    /** The format the service plays: mono, 16-bit, 16 kHz. */
    public static byte[] playableWav(long millis) {
        return wav(1, 16_000, 16, millis);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
