package dev.acsemulator.conformance.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.testsupport.AppStreamServer;
import io.netty.handler.codec.http.HttpHeaders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The application's end of transcription sockets: the emulator's {@link AppStreamServer} at {@code /transcripts},
 * read as transcription tests read it, across sockets: every message parsed as JSON in the order it arrived, the
 * upgrade headers and the close codes.
 */
public final class TranscriptServer implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final AppStreamServer server;

    public TranscriptServer() {
        try {
            server = new AppStreamServer("/transcripts", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The {@code transportUrl} to give the emulator. */
    public String url() {
        return server.url() + "/app";
    }

    /** Waits until at least {@code count} messages arrived; returns them all, parsed, in order. */
    public List<JsonNode> awaitMessages(int count) {
        await().atMost(WAIT).until(() -> server.texts().size() >= count);
        return messages();
    }

    public List<JsonNode> messages() {
        return server.texts().stream().map(TranscriptServer::parse).toList();
    }

    public List<HttpHeaders> handshakes() {
        return server.sockets.stream().map(socket -> socket.handshake).toList();
    }

    /** Waits until {@code count} sockets were closed by the emulator; returns their close codes. */
    public List<Integer> awaitCloses(int count) {
        await().atMost(WAIT).until(() -> server.closeCodes().size() >= count);
        return List.copyOf(server.closeCodes());
    }

    @Override
    public void close() {
        server.close();
    }

    private static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + text, e);
        }
    }
}
