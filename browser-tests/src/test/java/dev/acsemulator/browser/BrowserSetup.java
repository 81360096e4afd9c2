package dev.acsemulator.browser;

import dev.acsemulator.config.EmulatorConfig;
import dev.acsemulator.junit5.CallbackReceiver;
import dev.acsemulator.junit5.EmulatorConfigurer;

import java.time.Duration;

/** The browser suite's emulator: people answer quickly, callbacks are retried soon. */
public final class BrowserSetup implements EmulatorConfigurer {

    @Override
    public void configure(EmulatorConfig.Builder builder, CallbackReceiver receiver) {
        builder.answerDelay(Duration.ofMillis(100)).ringTimeout(Duration.ofSeconds(5))
                .deliveryInitialBackoff(Duration.ofMillis(100));
    }
}
