package dev.acsemulator.delivery.eventgrid;

import dev.acsemulator.call.recording.RecordedSession;
import dev.acsemulator.events.EventGridEvent;
import dev.acsemulator.events.EventGridEventType;
import dev.acsemulator.events.EventGridEventWriter;
import dev.acsemulator.runtime.IdSource;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Announces each recording file once it is stored with {@code Microsoft.Communication.RecordingFileStatusUpdated} to every Event
 * Grid subscription that includes it, in the schema each asks for (side-channels.md C1). The locations it names are
 * served by the emulator under {@code objectsBaseUrl}.
 */
public final class RecordingFilePublisher implements Consumer<RecordedSession> {

    private final SystemTopic topic;
    private final EventGridEventWriter writer;
    private final EventGridPublisher publisher;
    private final IdSource ids;
    private final Supplier<String> objectsBaseUrl;

    public RecordingFilePublisher(SystemTopic topic, EventGridEventWriter writer, EventGridPublisher publisher,
                                  IdSource ids, Supplier<String> objectsBaseUrl) {
        this.topic = topic;
        this.writer = writer;
        this.publisher = publisher;
        this.ids = ids;
        this.objectsBaseUrl = objectsBaseUrl;
    }

    @Override
    public void accept(RecordedSession session) {
        EventGridEvent event = writer.recordingFileStatusUpdated(session, objectsBaseUrl.get());
        for (EventGridSubscription subscription
                : topic.subscribersOf(EventGridEventType.RECORDING_FILE_STATUS_UPDATED, null)) {
            publisher.publish(subscription, event, session.serverCallId(), ids.guid(),
                    CompletableFuture.completedFuture(null));
        }
    }
}
