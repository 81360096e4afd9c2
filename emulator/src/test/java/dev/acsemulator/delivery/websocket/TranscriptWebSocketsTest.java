package dev.acsemulator.delivery.websocket;

import dev.acsemulator.call.transcription.TranscriptFrame;
import dev.acsemulator.call.transcription.TranscriptSockets;
import dev.acsemulator.delivery.auth.CallbackSigningKey;
import dev.acsemulator.delivery.auth.CallbackTokenSigner;
import dev.acsemulator.http.IoLoops;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Transcription's sockets against a real WebSocket server: headers, JSON frames, who closed. */
class TranscriptWebSocketsTest {

    private final IoLoops loops = new IoLoops(1);
    private final CountDownLatch dropped = new CountDownLatch(1);
    private TestWebSocketServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        loops.close();
    }

    private TranscriptSockets.TranscriptSocket open(Path dataDir) throws Exception {
        server = new TestWebSocketServer(null);
        CallbackTokenSigner signer = new CallbackTokenSigner(CallbackSigningKey.loadOrCreate(dataDir),
                "https://acscallautomation.communication.azure.com", Clock.systemUTC());
        TranscriptWebSockets sockets = new TranscriptWebSockets(new WebSocketClient(loops, Duration.ofSeconds(2)),
                new StreamSocketHeaders(signer, "resource-1"));
        return sockets.open(URI.create("ws://127.0.0.1:" + server.port() + "/media/transcripts"), "conn-1", "corr-1",
                dropped::countDown).get(5, TimeUnit.SECONDS);
    }

    @Test
    void framesArriveAsJsonTextWithTheServicesHeadersOnTheUpgrade(@TempDir Path dataDir) throws Exception {
        TranscriptSockets.TranscriptSocket socket = open(dataDir);

        socket.send(new TranscriptFrame.Metadata("sub-1", "en-us", "conn-1", "corr-1", null));
        socket.send(new TranscriptFrame.Data("Yes.", 0.95, 0, 4_000_000,
                List.of(new TranscriptFrame.Word("yes", 0, 4_000_000)), "8:acs:a", TranscriptFrame.ResultStatus.FINAL));

        HttpHeaders headers = server.handshakes.poll(5, TimeUnit.SECONDS);
        assertThat(headers).isNotNull();
        assertThat(headers.get("authorization")).startsWith("Bearer ey");
        assertThat(headers.get("x-ms-call-connection-id")).isEqualTo("conn-1");
        assertThat(headers.get("x-ms-call-correlation-id")).isEqualTo("corr-1");
        assertThat(server.texts.poll(5, TimeUnit.SECONDS)).startsWith("{\"kind\":\"TranscriptionMetadata\"");
        assertThat(server.texts.poll(5, TimeUnit.SECONDS)).startsWith("{\"kind\":\"TranscriptionData\"")
                .contains("\"resultStatus\":\"Final\"");
    }

    @Test
    void aSocketTheEmulatorClosesIsClosedNormallyAndNotReportedDropped(@TempDir Path dataDir) throws Exception {
        TranscriptSockets.TranscriptSocket socket = open(dataDir);

        socket.close();

        assertThat(server.closeCodes.poll(5, TimeUnit.SECONDS)).isEqualTo(WebSocketSession.NORMAL_CLOSURE);
        assertThat(dropped.await(300, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void aSocketTheApplicationClosesIsReportedDropped(@TempDir Path dataDir) throws Exception {
        open(dataDir);
        assertThat(server.handshakes.poll(5, TimeUnit.SECONDS)).isNotNull();

        server.lastSocket().writeAndFlush(new CloseWebSocketFrame(1001, "going away"));

        assertThat(dropped.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
