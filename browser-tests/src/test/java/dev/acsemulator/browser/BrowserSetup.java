package dev.acsemulator.browser;

import dev.acsemulator.config.EmulatorConfig;
import dev.acsemulator.junit5.CallbackReceiver;
import dev.acsemulator.junit5.EmulatorConfigurer;

import java.time.Duration;

/** The browser suite's emulator: people answer quickly, a manual invitation rings long enough to be clicked. */
public final class BrowserSetup implements EmulatorConfigurer {

    @Override
    public void configure(EmulatorConfig.Builder builder, CallbackReceiver receiver) {
        builder.answerDelay(Duration.ofMillis(100)).ringTimeout(Duration.ofSeconds(60))
                .deliveryInitialBackoff(Duration.ofMillis(100));
    }
}
