package dev.acsemulator.testcontainers.support;

import com.azure.communication.callautomation.CallAutomationClient;
import com.azure.communication.callautomation.CallAutomationClientBuilder;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import dev.acsemulator.testcontainers.CallAutomationEmulatorContainer;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import reactor.netty.http.client.HttpClient;

import javax.net.ssl.SSLException;

/**
 * The official SDK's client for a container, trusting the emulator's certificate through its own HTTP client (so the
 * test JVM's default trust store stays as it is).
 */
public final class TrustingSdkClients {

    private TrustingSdkClients() {
    }

    public static CallAutomationClient client(CallAutomationEmulatorContainer emulator) {
        SslContext tls;
        try {
            tls = SslContextBuilder.forClient().trustManager(emulator.getCertificate()).build();
        } catch (SSLException e) {
            throw new IllegalStateException(e);
        }
        HttpClient reactorClient = HttpClient.create().secure(spec -> spec.sslContext(tls));
        return new CallAutomationClientBuilder()
                .connectionString(emulator.getConnectionString())
                .httpClient(new NettyAsyncHttpClientBuilder(reactorClient).build())
                .buildClient();
    }
}
