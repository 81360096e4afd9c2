package dev.acsemulator.testcontainers;

import dev.acsemulator.config.ConfigLoader;
import dev.acsemulator.events.EventGridEventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The config file the container is given is the one the emulator reads, event types included. */
class EventGridSubscriptionTest {

    @Test
    void theEmulatorReadsTheSubscriptionsTheContainerWrites(@TempDir Path directory) throws IOException {
        Path config = Files.writeString(directory.resolve("config.json"), EventGridSubscription.configJson(List.of(
                new EventGridSubscription("calls", "http://host.testcontainers.internal:3000/ic", List.of(),
                        List.of("8:acs:"), List.of()),
                new EventGridSubscription("recordings", "http://host.testcontainers.internal:3000/rec",
                        List.of("4:+18005550100"), List.of(),
                        List.of("Microsoft.Communication.RecordingFileStatusUpdated")))));

        List<dev.acsemulator.delivery.eventgrid.EventGridSubscription> read = ConfigLoader.load(
                new String[] {"--config=" + config}, Map.of()).eventGridSubscriptions();

        assertThat(read.get(0).includedEventTypes()).containsExactly(EventGridEventType.INCOMING_CALL);
        assertThat(read.get(1).includedEventTypes()).containsExactly(EventGridEventType.RECORDING_FILE_STATUS_UPDATED);
        assertThat(read.get(1).toRawIds()).containsExactly("4:+18005550100");
    }
}
