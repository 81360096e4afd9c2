package dev.acsemulator.delivery.websocket;

import dev.acsemulator.call.transcription.TranscriptFrame;
import dev.acsemulator.call.transcription.TranscriptSockets;
import dev.acsemulator.delivery.auth.CallbackSigningKey;
import dev.acsemulator.delivery.auth.CallbackTokenSigner;
import dev.acsemulator.http.IoLoops;
import dev.acsemulator.testsupport.AppStreamServer;
import io.netty.handler.codec.http.HttpHeaders;
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
    private AppStreamServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        loops.close();
    }

    private TranscriptSockets.TranscriptSocket open(Path dataDir) throws Exception {
        server = new AppStreamServer();
        CallbackTokenSigner signer = new CallbackTokenSigner(CallbackSigningKey.loadOrCreate(dataDir),
                "https://acscallautomation.communication.azure.com", Clock.systemUTC());
        TranscriptWebSockets sockets = new TranscriptWebSockets(new WebSocketClient(loops, Duration.ofSeconds(2)),
                new StreamSocketHeaders(signer, "resource-1"));
        return sockets.open(URI.create(server.url() + "/transcripts"), "conn-1", "corr-1",
                dropped::countDown).get(5, TimeUnit.SECONDS);
    }

    @Test
    void framesArriveAsJsonTextWithTheServicesHeadersOnTheUpgrade(@TempDir Path dataDir) throws Exception {
        TranscriptSockets.TranscriptSocket socket = open(dataDir);

        socket.send(new TranscriptFrame.Metadata("sub-1", "en-us", "conn-1", "corr-1", null));
        socket.send(new TranscriptFrame.Data("Yes.", 0.95, 0, 4_000_000,
                List.of(new TranscriptFrame.Word("yes", 0, 4_000_000)), "8:acs:a", TranscriptFrame.ResultStatus.FINAL));

        HttpHeaders headers = server.awaitSocket(1).handshake;
        assertThat(headers.get("authorization")).startsWith("Bearer ey");
        assertThat(headers.get("x-ms-call-connection-id")).isEqualTo("conn-1");
        assertThat(headers.get("x-ms-call-correlation-id")).isEqualTo("corr-1");
        List<String> texts = server.awaitSocket(1).awaitTexts(2);
        assertThat(texts).hasSize(2);
        assertThat(texts.get(0)).startsWith("{\"kind\":\"TranscriptionMetadata\"");
        assertThat(texts.get(1)).startsWith("{\"kind\":\"TranscriptionData\"")
                .contains("\"resultStatus\":\"Final\"");
    }

    @Test
    void aSocketTheEmulatorClosesIsClosedNormallyAndNotReportedDropped(@TempDir Path dataDir) throws Exception {
        TranscriptSockets.TranscriptSocket socket = open(dataDir);

        socket.close();

        assertThat(server.awaitSocket(1).awaitCloseCode()).isEqualTo(WebSocketSession.NORMAL_CLOSURE);
        assertThat(dropped.await(300, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void aSocketTheApplicationClosesIsReportedDropped(@TempDir Path dataDir) throws Exception {
        open(dataDir);

        server.awaitSocket(1).close(1001, "going away");

        assertThat(dropped.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
