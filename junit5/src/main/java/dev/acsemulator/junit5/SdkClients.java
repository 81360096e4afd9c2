package dev.acsemulator.junit5;

import com.azure.communication.callautomation.CallAutomationClient;
import com.azure.communication.callautomation.CallAutomationClientBuilder;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import dev.acsemulator.Emulator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;

import javax.net.ssl.SSLException;
import java.security.cert.X509Certificate;

/**
 * The official SDK's client for an emulator, trusting exactly the emulator's certificate (no JVM-wide trust store
 * needed). Kept apart so the SDK, an optional dependency, is only loaded when a test asks for a client.
 */
final class SdkClients {

    private SdkClients() {
    }

    static CallAutomationClient callAutomationClient(Emulator emulator) {
        SslContext trust;
        try {
            trust = SslContextBuilder.forClient()
                    .trustManager(emulator.certificateChain().toArray(new X509Certificate[0]))
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("Could not trust the emulator's certificate", e);
        }
        reactor.netty.http.client.HttpClient http = reactor.netty.http.client.HttpClient.create()
                .secure(spec -> spec.sslContext(trust));
        return new CallAutomationClientBuilder()
                .connectionString(emulator.connectionString())
                .httpClient(new NettyAsyncHttpClientBuilder(http).build())
                .buildClient();
    }

    static boolean available() {
        try {
            Class.forName("com.azure.communication.callautomation.CallAutomationClient", false,
                    SdkClients.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
