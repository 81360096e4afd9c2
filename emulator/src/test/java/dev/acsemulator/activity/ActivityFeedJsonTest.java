package dev.acsemulator.activity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed's JSON, byte for byte as the page's JS and the browser tests read it: the field names, their order, their
 * types and which are left out when they do not apply. The expected texts were taken from the Jackson trees the feed
 * was first built with, so a faster writer cannot change what the page reads.
 */
class ActivityFeedJsonTest {

    private static final Instant TIME = Instant.parse("2026-01-01T00:00:01.250Z");

    private static final ActivityItem EVERY_FIELD = new ActivityItem(7, TIME, ActivityKind.DELIVERY,
            "emulator", "app:127.0.0.1:3000/api/callbacks", "CallConnected 200 \"quoted\" \u00e9\n", 200, 4.25, 1.0,
            "event-1", "Microsoft.Communication.CallConnected", "connection-1", "delivered", 2, "CreateCall", null);

    private static final ActivityItem FEW_FIELDS = new ActivityItem(12_345_678_901L, TIME, ActivityKind.STATE,
            "emulator", "emulator", "call ended", null, null, null, null, null, null, null, null, null, null);

    private static final String EVERY_FIELD_JSON = "{\"seq\":7,"
            + "\"serverCallId\":\"call-1\",\"time\":\"2026-01-01T00:00:01.250Z\",\"kind\":\"delivery\","
            + "\"from\":\"emulator\",\"to\":\"app:127.0.0.1:3000/api/callbacks\","
            + "\"label\":\"CallConnected 200 \\\"quoted\\\" \u00e9\\n\",\"operation\":\"CreateCall\","
            + "\"status\":200,\"latencyMs\":4.25,\"durationMs\":1.0,\"eventId\":\"event-1\","
            + "\"eventType\":\"Microsoft.Communication.CallConnected\",\"connectionId\":\"connection-1\","
            + "\"outcome\":\"delivered\",\"attempt\":2}";

    private static final String FEW_FIELDS_JSON = "{\"seq\":12345678901,"
            + "\"serverCallId\":\"call-1\",\"time\":\"2026-01-01T00:00:01.250Z\",\"kind\":\"state\","
            + "\"from\":\"emulator\",\"to\":\"emulator\",\"label\":\"call ended\"}";

    private static final CallSummary LIVE = new CallSummary("call-1", "correlation-1", false, 2,
            List.of(new CallSummary.Connection("connection-1", "connected"),
                    new CallSummary.Connection("connection-2", "created")), TIME, null);

    private static final String LIVE_JSON = "{\"serverCallId\":\"call-1\","
            + "\"correlationId\":\"correlation-1\",\"state\":\"active\",\"participants\":2,\"connections\":["
            + "{\"callConnectionId\":\"connection-1\",\"state\":\"connected\"},"
            + "{\"callConnectionId\":\"connection-2\",\"state\":\"created\"}],"
            + "\"created\":\"2026-01-01T00:00:01.250Z\",\"ended\":null}";

    private static final CallSummary ENDED = new CallSummary("call-2", null, true, 0, List.of(), TIME,
            TIME.plusSeconds(3));

    private static final String ENDED_JSON = "{\"serverCallId\":\"call-2\","
            + "\"correlationId\":null,\"state\":\"ended\",\"participants\":0,\"connections\":[],"
            + "\"created\":\"2026-01-01T00:00:01.250Z\",\"ended\":\"2026-01-01T00:00:04.250Z\"}";

    @Test
    void anItemWithEveryFieldIsWrittenWithItsFieldsInTheirOrderAndTypes() {
        assertThat(ActivityJson.item("call-1", EVERY_FIELD).toString()).isEqualTo(EVERY_FIELD_JSON);
        assertThat(itemFrame(EVERY_FIELD)).isEqualTo("event: activity\ndata: " + EVERY_FIELD_JSON + "\n\n");
    }

    @Test
    void anItemLeavesOutTheFieldsThatDoNotApply() {
        assertThat(ActivityJson.item("call-1", FEW_FIELDS).toString()).isEqualTo(FEW_FIELDS_JSON);
        assertThat(itemFrame(FEW_FIELDS)).isEqualTo("event: activity\ndata: " + FEW_FIELDS_JSON + "\n\n");
    }

    @Test
    void aListOfItemsIsAnArrayOfTheItemsAsTheFeedWritesThem() {
        assertThat(ActivityJson.items("call-1", List.of(EVERY_FIELD, FEW_FIELDS)).toString())
                .isEqualTo("[" + EVERY_FIELD_JSON + "," + FEW_FIELDS_JSON + "]");
    }

    @Test
    void aSummaryOfALiveAndOfAnEndedCallIsWrittenWithItsConnections() {
        assertThat(ActivityJson.summary(LIVE).toString()).isEqualTo(LIVE_JSON);
        assertThat(ActivityJson.summary(ENDED).toString()).isEqualTo(ENDED_JSON);
        assertThat(summaryFrame(LIVE)).isEqualTo("event: call\ndata: " + LIVE_JSON + "\n\n");
        assertThat(summaryFrame(ENDED)).isEqualTo("event: call\ndata: " + ENDED_JSON + "\n\n");
    }

    private static String itemFrame(ActivityItem item) {
        return new String(SseFrames.frame("activity", json -> ActivityJson.writeItem(json, "call-1", item)),
                StandardCharsets.UTF_8);
    }

    private static String summaryFrame(CallSummary summary) {
        return new String(SseFrames.frame("call", json -> ActivityJson.writeSummary(json, summary)),
                StandardCharsets.UTF_8);
    }
}
