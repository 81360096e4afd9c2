package dev.acsemulator;

import dev.acsemulator.config.EmulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Who can reach the emulator (issue 14, finding 9): a warning when the control API is open, and ::1 served. */
class ExposureTest {

    /** Shared, so the certificate and keys are generated once for the class. */
    @TempDir
    static Path dataDir;

    private static EmulatorConfig config(String... options) {
        return EmulatorConfig.builder().dataDir(dataDir).options("--https-port=-1", "--http-port=0", "--clock=manual")
                .options(options).build();
    }

    @Test
    void listeningOnEveryInterfaceWithoutAnAdminTokenWarnsAtStart() {
        try (Emulator emulator = Emulator.start(config("--host=0.0.0.0"))) {
            assertThat(emulator.startWarnings()).singleElement().asString()
                    .contains("0.0.0.0", "beyond loopback", "--admin-token");
        }
    }

    @Test
    void anAdminTokenOrALoopbackAddressMeansNoWarning() {
        assertThat(Exposure.warnings(config("--host=0.0.0.0", "--admin-token=s3cret"))).isEmpty();
        assertThat(Exposure.warnings(config("--host=127.0.0.1"))).isEmpty();
        assertThat(Exposure.warnings(config("--host=::1"))).isEmpty();
        assertThat(Exposure.warnings(config("--host=localhost"))).isEmpty();
        assertThat(Exposure.warnings(config("--host=::"))).isNotEmpty();
    }

    @Test
    void onLoopbackTheEmulatorAnswersOnIpv6LoopbackToo() throws Exception {
        assumeTrue(ipv6LoopbackAvailable(), "this machine has no IPv6 loopback");
        try (Emulator emulator = Emulator.start(config("--host=127.0.0.1"))) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://[::1]:" + emulator.httpPort() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(emulator.startWarnings()).isEmpty();
        }
    }

    private static boolean ipv6LoopbackAvailable() throws Exception {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet6Address && address.isLoopbackAddress()) {
                    return true;
                }
            }
        }
        return false;
    }
}
