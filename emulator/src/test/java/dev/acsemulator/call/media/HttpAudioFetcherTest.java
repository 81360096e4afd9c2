package dev.acsemulator.call.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fetcher's bounds on what it downloads: size, announced size and status. */
class HttpAudioFetcherTest {

    private static final int LIMIT = 1024;
    private final HttpAudioFetcher fetcher = new HttpAudioFetcher(Duration.ofSeconds(5), LIMIT);
    private final HttpServer server = server();

    @AfterEach
    void close() {
        server.stop(0);
        fetcher.close();
    }

    @Test
    void aBodyOfExactlyTheLimitIsFetchedWhole() throws Exception {
        byte[] body = new byte[LIMIT];
        body[LIMIT - 1] = 7;
        serve("/fits", 200, body, body.length);

        assertThat(fetcher.fetch(uri("/fits")).get(5, TimeUnit.SECONDS)).isEqualTo(body);
        assertThat(fetcher.inFlight()).isZero();
    }

    @Test
    void aBodyPastTheLimitWithoutALengthFailsOnceItPassesIt() {
        serve("/chunked", 200, new byte[LIMIT * 4], 0);

        assertThat(failureOf("/chunked")).isInstanceOf(IOException.class).hasMessageContaining("larger than 1024");
    }

    @Test
    void aBodyAnnouncingMoreThanTheLimitFailsBeforeItIsRead() {
        serve("/announced", 200, new byte[LIMIT + 1], LIMIT + 1);

        assertThat(failureOf("/announced")).isInstanceOf(IOException.class).hasMessageContaining("announces 1025");
    }

    @Test
    void anAnswerThatIsNot2xxFailsWithItsStatus() {
        serve("/gone", 404, new byte[10], 10);

        assertThat(failureOf("/gone")).isInstanceOf(IOException.class).hasMessageContaining("answered 404");
    }

    private Throwable failureOf(String path) {
        Throwable thrown = catchThrowable(() -> fetcher.fetch(uri(path)).get(5, TimeUnit.SECONDS));
        assertThat(thrown).as("the fetch of " + path + " failed").isNotNull();
        return thrown.getCause();
    }

    /** {@code length} 0 sends the body chunked, with no Content-Length. */
    private void serve(String path, int status, byte[] body, long length) {
        server.createContext(path, exchange -> {
            exchange.sendResponseHeaders(status, length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException hungUp) {
                // The fetcher stopped reading past its limit.
            }
        });
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static HttpServer server() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
