package dev.acsemulator.junit5;

import dev.acsemulator.config.EmulatorConfig;

/** Adjusts the emulator a test class gets; ports and the data directory are chosen by the extension. */
@FunctionalInterface
public interface EmulatorConfigurer {

    /** The emulator with embedded defaults, simulated people answering after 100 ms. */
    final class Defaults implements EmulatorConfigurer {
        @Override
        public void configure(EmulatorConfig.Builder builder, CallbackReceiver receiver) {
        }
    }

    /**
     * @param receiver the callback receiver of this emulator, for configuring Event Grid subscriptions that point at
     *                 it ({@code receiver.url("/incoming")})
     */
    void configure(EmulatorConfig.Builder builder, CallbackReceiver receiver);
}
