package dev.acsemulator;

import dev.acsemulator.config.EmulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The emulator as a library: started in-process with CLI-style options, reached with its own trust material. */
class EmbeddingTest {

    @TempDir
    Path dataDir;

    @Test
    void anEmbeddedEmulatorTakesCommandLineOptionsAndServesHttpsWithItsOwnSslContext() throws Exception {
        EmulatorConfig config = EmulatorConfig.builder().dataDir(dataDir)
                .options("--https-port=0", "--http-port=-1", "--clock=manual", "--seed=5").build();
        try (Emulator emulator = Emulator.start(config)) {
            assertThat(emulator.httpsPort()).isPositive();
            assertThat(emulator.httpPort()).isEqualTo(-1);
            assertThat(emulator.connectionString()).startsWith("endpoint=https://127.0.0.1:" + emulator.httpsPort());
            assertThat(emulator.trustStore().size()).isEqualTo(1);
            HttpClient client = HttpClient.newBuilder().sslContext(emulator.sslContext()).build();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                    URI.create(emulator.httpsEndpoint() + "health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"clock\":\"manual\"", "2026-01-01T00:00:00Z");
            assertThat(emulator.control().calls().path("calls")).isEmpty();
        }
    }

    @Test
    void anUnknownOptionIsRefusedByName() {
        assertThatThrownBy(() -> EmulatorConfig.builder().options("--colour=blue"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--colour");
    }
}
