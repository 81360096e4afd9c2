package dev.acsemulator.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Header, body and idle timeouts (issue 14, finding 4): a slow-header or slow-body client gets a JSON 408 and the
 * connection closes; an idle connection closes; a request whose answer takes long is never cut off.
 */
class RequestTimeoutsTest {

    private static final Duration SHORT = Duration.ofMillis(300);

    private final IoLoops loops = new IoLoops(1);
    private final HttpServer server = new HttpServer(loops);
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    private int port;

    private void listen(Duration header, Duration body, Duration idle) throws InterruptedException {
        RequestHandler handler = request -> {
            HttpResponseMessage answer = HttpResponseMessage.json(200, "{\"ok\":true}");
            if (request.rawTarget().startsWith("/slow")) {
                CompletableFuture<HttpResponseMessage> slow = new CompletableFuture<>();
                later.schedule(() -> slow.complete(answer), 3 * SHORT.toMillis(), TimeUnit.MILLISECONDS);
                return slow;
            }
            return CompletableFuture.completedFuture(answer);
        };
        port = server.listen("127.0.0.1", 0, null, handler, new JsonEdgeErrors(),
                new HttpLimits(1 << 20, header, body, idle));
    }

    @AfterEach
    void close() {
        server.close();
        loops.close();
        later.shutdownNow();
    }

    @Test
    void headersThatDoNotArriveInTimeGetA408WithABodyAndTheConnectionCloses() throws Exception {
        listen(SHORT, Duration.ofSeconds(30), Duration.ofSeconds(30));
        try (Socket socket = connect()) {
            socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));

            String answer = readUntilClosed(socket);

            assertThat(answer).startsWith("HTTP/1.1 408").contains("\"code\":\"RequestTimeout\"")
                    .contains("headers after 300 ms");
        }
    }

    @Test
    void aBodyThatDoesNotArriveInTimeGetsA408WithABodyAndTheConnectionCloses() throws Exception {
        listen(Duration.ofSeconds(30), SHORT, Duration.ofSeconds(30));
        try (Socket socket = connect()) {
            socket.getOutputStream().write(("POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{\"a\"")
                    .getBytes(StandardCharsets.US_ASCII));

            String answer = readUntilClosed(socket);

            assertThat(answer).startsWith("HTTP/1.1 408").contains("body after 300 ms");
        }
    }

    @Test
    void anIdleConnectionIsClosedWithoutAnAnswer() throws Exception {
        listen(Duration.ofSeconds(30), Duration.ofSeconds(30), SHORT);
        try (Socket socket = connect()) {
            long start = System.nanoTime();

            String answer = readUntilClosed(socket);

            assertThat(answer).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aConnectionIsIdleOnlyOnceItsAnswerIsWrittenSoASlowAnswerIsNeverCutOff() throws Exception {
        listen(SHORT, SHORT, SHORT);
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            String answer = readUntilClosed(socket);

            assertThat(answer).startsWith("HTTP/1.1 200").contains("{\"ok\":true}");
        }
    }

    @Test
    void aKeptAliveConnectionServesRequestsSentWithinTheTimeouts() throws Exception {
        listen(SHORT, SHORT, Duration.ofSeconds(2));
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /a HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write("GET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            String answers = readUntilClosed(socket);

            assertThat(answers.split("HTTP/1.1 200", -1)).hasSize(3);
        }
    }

    @Test
    void aDeadlineCountsFromWhatStartedItNotFromWhenTheConnectionWasLastChecked() throws Exception {
        listen(SHORT, Duration.ofSeconds(30), Duration.ofSeconds(30));
        try (Socket socket = connect()) {
            Thread.sleep(SHORT.toMillis() * 2 / 3); // the connection's pending check is due in a third of SHORT
            long firstByte = System.nanoTime();
            socket.getOutputStream().write("GET /health HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));

            String answer = readUntilClosed(socket);

            assertThat(answer).startsWith("HTTP/1.1 408").contains("headers after 300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - firstByte)).isGreaterThanOrEqualTo(SHORT)
                    .isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aBusyKeptAliveConnectionIsNotClosedByTheChecksOfItsEarlierRequests() throws Exception {
        listen(SHORT, SHORT, SHORT);
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int request = 0; request < 8; request++) {
                Thread.sleep(SHORT.toMillis() / 3);
                out.write("GET /a HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(readOneAnswer(in)).startsWith("HTTP/1.1 200");
            }
        }
    }

    /** Reads one answer of the test's handler, whose body ends the answer with a closing brace. */
    private static String readOneAnswer(InputStream in) throws IOException {
        StringBuilder read = new StringBuilder();
        for (int c = in.read(); c >= 0; c = in.read()) {
            read.append((char) c);
            if (c == '}') {
                break;
            }
        }
        return read.toString();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static String readUntilClosed(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            read.write(buffer, 0, n);
        }
        return read.toString(StandardCharsets.US_ASCII);
    }
}
