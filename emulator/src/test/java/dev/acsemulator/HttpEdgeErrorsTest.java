package dev.acsemulator;

import dev.acsemulator.config.EmulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the HTTP edge answers for requests it refuses before any route sees them (issue 14, finding 6): every such
 * answer has a JSON error body, the right status, and no Java class name.
 */
class HttpEdgeErrorsTest {

    @TempDir
    static Path dataDir;
    private static Emulator emulator;

    @BeforeAll
    static void start() {
        emulator = Emulator.start(EmulatorConfig.builder().dataDir(dataDir)
                .options("--https-port=-1", "--http-port=0", "--clock=manual", "--seed=14").build());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void expectContinueForABodyOverTheLimitIs413WithAJsonBody() throws IOException {
        String answer = RawHttp.exchange(emulator.httpPort(), "POST /calling/callConnections?api-version=2026-03-12 "
                + "HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n"
                + "Expect: 100-continue\r\n\r\n");

        assertThat(RawHttp.status(answer)).isEqualTo(413);
        assertThat(RawHttp.body(answer)).contains("\"code\":\"RequestEntityTooLarge\"").contains("1048576 bytes");
        assertThat(answer).doesNotContain("HTTP/1.1 100");
    }

    @Test
    void expectContinueWithinTheLimitIsAnswered100ThenServed() throws IOException {
        String answer = RawHttp.exchange(emulator.httpPort(), "POST /nowhere HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: 2\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n{}");

        assertThat(answer).startsWith("HTTP/1.1 100 Continue").contains("HTTP/1.1 404");
    }

    @Test
    void anUnknownExpectationIs417WithAJsonBodyNamingIt() throws IOException {
        String answer = RawHttp.exchange(emulator.httpPort(), "POST /calling/callConnections?api-version=2026-03-12 "
                + "HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nExpect: teapot-please\r\n\r\n");

        assertThat(RawHttp.status(answer)).isEqualTo(417);
        assertThat(RawHttp.body(answer)).contains("\"code\":\"ExpectationFailed\"").contains("teapot-please");
    }

    @Test
    void oversizedHeadersAre431WithAJsonBodyAndNoClassName() throws IOException {
        String answer = RawHttp.exchange(emulator.httpPort(), "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: "
                + "a".repeat(20_000) + "\r\n\r\n");

        assertThat(RawHttp.status(answer)).isEqualTo(431);
        assertThat(RawHttp.body(answer)).contains("\"code\":\"RequestHeaderFieldsTooLarge\"").contains("8192 bytes");
        assertThat(answer).doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Za-z]+(Exception|Error)")
                .doesNotContain("netty").doesNotContain("java.");
    }

    @Test
    void anOverlongRequestLineIs414WithAJsonBody() throws IOException {
        String answer = RawHttp.exchange(emulator.httpPort(), "GET /health?" + "q".repeat(10_000)
                + " HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(RawHttp.status(answer)).isEqualTo(414);
        assertThat(RawHttp.body(answer)).contains("\"code\":\"RequestUriTooLong\"");
    }

    @Test
    void aGarbledRequestIs400WithAMessageInWordsAndTheEmulatorStaysHealthy() throws IOException {
        String answer = RawHttp.exchange(emulator.httpPort(), "GET /health HTPT/1.1\r\nHost: x\r\n\r\n");

        assertThat(RawHttp.status(answer)).as(answer).isEqualTo(400);
        assertThat(RawHttp.body(answer)).contains("\"code\":\"BadRequest\"").doesNotContain("Exception");
        assertThat(RawHttp.status(RawHttp.exchange(emulator.httpPort(),
                "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))).isEqualTo(200);
    }

    /** A raw socket client: HTTP/1.1 bytes out, everything the server says until it closes or falls silent. */
    static final class RawHttp {

        private RawHttp() {
        }

        static String exchange(int port, String request) throws IOException {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(3_000);
                socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream read = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                try {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        read.write(buffer, 0, n);
                        if (complete(read.toString(StandardCharsets.ISO_8859_1))) {
                            break;
                        }
                    }
                } catch (SocketTimeoutException | java.net.SocketException e) {
                    // What arrived before the server fell silent or reset is the answer.
                }
                return read.toString(StandardCharsets.ISO_8859_1);
            }
        }

        /** A final (non-1xx) response whose Content-Length of body has arrived. */
        private static boolean complete(String text) {
            int start = 0;
            while (text.startsWith("HTTP/1.1 1", start)) {
                int end = text.indexOf("\r\n\r\n", start);
                if (end < 0) {
                    return false;
                }
                start = end + 4;
            }
            int headersEnd = text.indexOf("\r\n\r\n", start);
            if (headersEnd < 0) {
                return false;
            }
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)")
                    .matcher(text.substring(start, headersEnd));
            return length.find() && text.length() - headersEnd - 4 >= Integer.parseInt(length.group(1));
        }

        static int status(String answer) {
            int start = 0;
            while (answer.startsWith("HTTP/1.1 1", start)) {
                start = answer.indexOf("\r\n\r\n", start) + 4;
            }
            return Integer.parseInt(answer.substring(start + 9, start + 12));
        }

        static String body(String answer) {
            return answer.substring(answer.lastIndexOf("\r\n\r\n") + 4);
        }
    }
}
