package dev.acsemulator.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP/1.1 edge over a real socket: pipelined answers in request order, and no request smuggling. */
class Http11OrderAndFramingTest {

    private final IoLoops loops = new IoLoops(1);
    private final HttpServer server = new HttpServer(loops);
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    private final List<String> served = new CopyOnWriteArrayList<>();
    private int port;

    @BeforeEach
    void listen() throws InterruptedException {
        RequestHandler handler = request -> {
            served.add(request.method() + " " + request.rawTarget());
            HttpResponseMessage answer = HttpResponseMessage.json(200, "{\"path\":\"" + request.rawTarget() + "\"}");
            if (request.rawTarget().startsWith("/slow")) {
                CompletableFuture<HttpResponseMessage> slow = new CompletableFuture<>();
                later.schedule(() -> slow.complete(answer), 300, TimeUnit.MILLISECONDS);
                return slow;
            }
            return CompletableFuture.completedFuture(answer);
        };
        port = server.listen("127.0.0.1", 0, null, handler, new JsonEdgeErrors(), JsonEdgeErrors.limits());
    }

    @AfterEach
    void close() {
        server.close();
        loops.close();
        later.shutdownNow();
    }

    @Test
    void pipelinedRequestsAreAnsweredInTheOrderTheyArrivedWhateverOrderTheyComplete() throws IOException {
        String answers = exchange("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /fast HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /slow-again HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(answers.indexOf("\"path\":\"/slow\"")).isNotNegative()
                .isLessThan(answers.indexOf("\"path\":\"/fast\""));
        assertThat(answers.indexOf("\"path\":\"/fast\"")).isLessThan(answers.indexOf("\"path\":\"/slow-again\""));
    }

    @Test
    void aRequestFramedByBothContentLengthAndChunkingIsRefusedAndItsHiddenRequestNeverServed() throws IOException {
        String hidden = "GET /hidden HTTP/1.1\r\nHost: x\r\n\r\n";
        String body = "0\r\n\r\n" + hidden;
        String answers = exchange("POST /outer HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length()
                + "\r\nTransfer-Encoding: chunked\r\n\r\n" + body);

        assertThat(answers).startsWith("HTTP/1.1 400").contains("Content-Length and Transfer-Encoding")
                .doesNotContain("/hidden");
        assertThat(served).doesNotContain("GET /hidden").doesNotContain("POST /outer");
    }

    /** Writes the bytes in one go, then reads until the server closes the connection. */
    private String exchange(String requests) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                read.write(buffer, 0, n);
            }
            return read.toString(StandardCharsets.US_ASCII);
        }
    }
}
