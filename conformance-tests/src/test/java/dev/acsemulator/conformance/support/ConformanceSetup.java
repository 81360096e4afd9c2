package dev.acsemulator.conformance.support;

import dev.acsemulator.config.EmulatorConfig;
import dev.acsemulator.junit5.CallbackReceiver;
import dev.acsemulator.junit5.EmulatorConfigurer;
import dev.acsemulator.delivery.eventgrid.EventGridSubscription;

import java.time.Duration;
import java.util.List;

/**
 * The conformance suite's emulator: quick simulated people, short ring timeouts, small participant pages, fast
 * retries, no Event Grid latency (the strictest case for "an IncomingCall never arrives before the answer to the
 * request that raised it", which every scenario then checks), two owned phone numbers and an Event Grid subscription
 * for app-owned users, pointing at the receiver, which validates every body it gets against its api-version's schema.
 */
public final class ConformanceSetup implements EmulatorConfigurer {

    @Override
    public void configure(EmulatorConfig.Builder builder, CallbackReceiver receiver) {
        receiver.onReceived(SchemaCheck::received);
        builder.answerDelay(Duration.ofMillis(100))
                .ringTimeout(Duration.ofSeconds(3))
                .participantsPageSize(2)
                .deliveryInitialBackoff(Duration.ofMillis(100))
                .eventGridRetryTimeScale(0.001)
                .eventGridLatency(Duration.ZERO)
                .ownedPhoneNumbers(List.of(EmulatorUnderTest.OWNED_NUMBER, EmulatorUnderTest.APP_PHONE_NUMBER))
                .addEventGridSubscription(new EventGridSubscription("incoming-calls",
                        receiver.url(EmulatorUnderTest.INCOMING_PATH),
                        List.of("4:" + EmulatorUnderTest.OWNED_NUMBER, "4:" + EmulatorUnderTest.APP_PHONE_NUMBER),
                        List.of(EmulatorUnderTest.APP_USER_PREFIX)));
    }
}
