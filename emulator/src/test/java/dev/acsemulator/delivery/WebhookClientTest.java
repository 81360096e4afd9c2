package dev.acsemulator.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.acsemulator.http.IoLoops;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook POSTs by IP literal and by host name; a name that does not resolve fails the attempt, naming the host. */
class WebhookClientTest {

    private final IoLoops loops = new IoLoops(1);
    private final WebhookClient client = new WebhookClient(loops, Duration.ofSeconds(2), Duration.ofSeconds(2));
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/cb", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        loops.close();
    }

    private WebhookClient.Attempt post(String url) throws Exception {
        return client.post(URI.create(url), Map.of(), "{}".getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void anIpLiteralAndAHostNameBothReachTheReceiver() throws Exception {
        int port = receiver.getAddress().getPort();

        assertThat(post("http://127.0.0.1:" + port + "/cb").status()).isEqualTo(200);
        assertThat(post("http://localhost:" + port + "/cb").status()).isEqualTo(200);
    }

    @Test
    void aHostNameThatDoesNotResolveFailsTheAttemptWithUnknownHost() throws Exception {
        WebhookClient.Attempt attempt = post("http://no-such-host.invalid:8080/cb");

        assertThat(attempt.status()).isZero();
        assertThat(attempt.error()).isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("no-such-host.invalid");
    }
}
