package dev.acsemulator.testcontainers;

import org.rnorth.ducttape.TimeoutException;
import org.rnorth.ducttape.unreliables.Unreliables;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Waits until {@code GET /health} on the emulator's plain HTTP port answers 200 {@code {"status":"healthy"}}, on the
 * mapped port or, with host networking, on the loopback port the container was given.
 */
final class HealthEndpointWaitStrategy extends AbstractWaitStrategy {

    private final CallAutomationEmulatorContainer container;

    HealthEndpointWaitStrategy(CallAutomationEmulatorContainer container) {
        this.container = container;
    }

    @Override
    protected void waitUntilReady() {
        String health = container.getHttpEndpoint() + "health";
        try {
            Unreliables.retryUntilTrue((int) startupTimeout.toMillis(), TimeUnit.MILLISECONDS,
                    () -> getRateLimiter().getWhenReady(() -> isHealthy(health)));
        } catch (TimeoutException e) {
            throw new ContainerLaunchException("The emulator did not report healthy at " + health + " within "
                    + startupTimeout.toSeconds() + " s");
        }
    }

    private static boolean isHealthy(String health) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(health).openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(1000);
            try (InputStream body = connection.getInputStream()) {
                return connection.getResponseCode() == 200
                        && new String(body.readAllBytes(), StandardCharsets.UTF_8).contains("\"healthy\"");
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }
}
