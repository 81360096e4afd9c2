package dev.acsemulator.testcontainers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.delivery.eventgrid.EventGridSubscriptions;
import dev.acsemulator.events.EventGridEventType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The config file the container is given is the one the emulator reads, event types included. */
class EventGridSubscriptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theEmulatorReadsTheSubscriptionsTheContainerWrites() throws IOException {
        String config = EventGridSubscription.configJson(List.of(
                new EventGridSubscription("calls", "http://host.testcontainers.internal:3000/ic", List.of(),
                        List.of("8:acs:"), List.of()),
                new EventGridSubscription("recordings", "http://host.testcontainers.internal:3000/rec",
                        List.of("4:+18005550100"), List.of(),
                        List.of("Microsoft.Communication.RecordingFileStatusUpdated"))));

        JsonNode subscriptions = JSON.readTree(config).path("eventGridSubscriptions");

        assertThat(EventGridSubscriptions.read(subscriptions.get(0)).includedEventTypes())
                .containsExactly(EventGridEventType.INCOMING_CALL);
        assertThat(EventGridSubscriptions.read(subscriptions.get(1)).includedEventTypes())
                .containsExactly(EventGridEventType.RECORDING_FILE_STATUS_UPDATED);
        assertThat(EventGridSubscriptions.read(subscriptions.get(1)).toRawIds()).containsExactly("4:+18005550100");
    }
}
