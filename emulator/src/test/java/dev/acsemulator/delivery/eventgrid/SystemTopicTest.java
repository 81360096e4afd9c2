package dev.acsemulator.delivery.eventgrid;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.events.EventGridEventType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Routing an event type to the subscriptions that include it, and {@code includedEventTypes} as JSON. */
class SystemTopicTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Identifier SALES = Identifier.phoneNumber("+18005550100");
    private static final Identifier SUPPORT = Identifier.phoneNumber("+18005550199");

    private static EventGridSubscription read(String json) throws IOException {
        return EventGridSubscriptions.read(JSON.readTree(json));
    }

    @Test
    void aSubscriptionThatNamesNoTypesReceivesIncomingCallOnly() throws IOException {
        EventGridSubscription subscription = read("{\"name\":\"calls\",\"endpoint\":\"http://127.0.0.1:3000/ic\"}");
        SystemTopic topic = new SystemTopic(List.of(subscription));

        assertThat(subscription.includedEventTypes()).containsExactly(EventGridEventType.INCOMING_CALL);
        assertThat(topic.subscribersOf(EventGridEventType.INCOMING_CALL, SALES)).containsExactly(subscription);
        assertThat(topic.subscribersOf(EventGridEventType.RECORDING_FILE_STATUS_UPDATED, null)).isEmpty();
    }

    @Test
    void eachEventTypeGoesToTheSubscriptionsThatIncludeIt() throws IOException {
        EventGridSubscription calls = read("{\"name\":\"calls\",\"endpoint\":\"http://127.0.0.1:3000/ic\"}");
        EventGridSubscription recordings = read("{\"name\":\"recordings\",\"endpoint\":\"http://127.0.0.1:3000/rec\","
                + "\"includedEventTypes\":[\"Microsoft.Communication.RecordingFileStatusUpdated\"]}");
        EventGridSubscription both = read("{\"name\":\"both\",\"endpoint\":\"http://127.0.0.1:3000/all\","
                + "\"includedEventTypes\":[\"microsoft.communication.incomingcall\","
                + "\"Microsoft.Communication.RecordingFileStatusUpdated\"]}");
        SystemTopic topic = new SystemTopic(List.of(calls, recordings, both));

        assertThat(topic.subscribersOf(EventGridEventType.INCOMING_CALL, SALES)).containsExactly(calls, both);
        assertThat(topic.subscribersOf(EventGridEventType.RECORDING_FILE_STATUS_UPDATED, null))
                .containsExactly(recordings, both);
    }

    @Test
    void aRecipientFilterPassesOnlyEventsForThatRecipientAndNoneWithoutOne() throws IOException {
        EventGridSubscription sales = read("{\"name\":\"sales\",\"endpoint\":\"http://127.0.0.1:3000/ic\","
                + "\"toRawIds\":[\"4:+18005550100\"],\"includedEventTypes\":[\"Microsoft.Communication.IncomingCall\","
                + "\"Microsoft.Communication.RecordingFileStatusUpdated\"]}");
        SystemTopic topic = new SystemTopic(List.of(sales));

        assertThat(topic.subscribersOf(EventGridEventType.INCOMING_CALL, SALES)).containsExactly(sales);
        assertThat(topic.subscribersOf(EventGridEventType.INCOMING_CALL, SUPPORT)).isEmpty();
        assertThat(topic.subscribersOf(EventGridEventType.RECORDING_FILE_STATUS_UPDATED, null)).isEmpty();
    }

    @Test
    void aSubscriptionReplacedOrRemovedByNameNoLongerReceives() throws IOException {
        SystemTopic topic = new SystemTopic(List.of(read("{\"name\":\"calls\",\"endpoint\":\"http://a.example/ic\"}")));
        EventGridSubscription replacement = read("{\"name\":\"calls\",\"endpoint\":\"http://b.example/ic\"}");

        topic.subscribe(replacement);
        assertThat(topic.subscribersOf(EventGridEventType.INCOMING_CALL, SALES)).containsExactly(replacement);
        assertThat(topic.unsubscribe("calls")).isTrue();
        assertThat(topic.subscribersOf(EventGridEventType.INCOMING_CALL, SALES)).isEmpty();
    }

    @Test
    void unknownEventTypesAreRefusedByName() {
        assertThatThrownBy(() -> read("{\"name\":\"types\",\"endpoint\":\"http://127.0.0.1:3000/ic\","
                + "\"includedEventTypes\":[\"Microsoft.Communication.IncomingCall\",\"Microsoft.Communication.Nope\","
                + "\"Microsoft.Storage.BlobCreated\"]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Microsoft.Communication.Nope, Microsoft.Storage.BlobCreated")
                .hasMessageNotContaining("publish: Microsoft.Communication.IncomingCall");
    }

    @Test
    void includedEventTypesSurviveTheRoundTripThroughJson() throws IOException {
        EventGridSubscription subscription = read("{\"name\":\"both\",\"endpoint\":\"http://127.0.0.1:3000/all\","
                + "\"includedEventTypes\":[\"Microsoft.Communication.RecordingFileStatusUpdated\","
                + "\"Microsoft.Communication.IncomingCall\"]}");

        assertThat(EventGridSubscriptions.write(subscription).path("includedEventTypes").toString())
                .isEqualTo("[\"Microsoft.Communication.IncomingCall\","
                        + "\"Microsoft.Communication.RecordingFileStatusUpdated\"]");
        assertThat(read(EventGridSubscriptions.write(subscription).toString())).isEqualTo(subscription);
    }
}
