package dev.acsemulator.activity;

import dev.acsemulator.call.event.CallEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CompactItemsTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final long BASE = ItemCodec.epochNanos(START);
    private static final String CONNECTION = "411f0b00-3c1d-4a5e-9b8f-0123456789ab";
    private static final String APP = "app:127.0.0.1:8080/callbacks/17";
    private static final String PERSON = "8:acs:0a5e0000-ca11-4a7e-8000-000000000001_0000001a-5c2d-4b7e-8000-1f2e3d4c5b6a";

    private final ActivityWords words = new ActivityWords();

    @Test
    void everyKindOfItemReadsBackEqualToWhatWasKept() {
        List<ActivityItem> written = new ArrayList<>();
        ActivityDetail.Exchange unwatched = new ActivityDetail.Exchange("POST",
                "/calling/callConnections/" + CONNECTION + "/participants:add?api-version=2025-05-15",
                BoundedBody.NOT_KEPT, BoundedBody.NOT_KEPT, "5F0C1D2E-0000-4000-8000-00000000ABCD");
        ActivityDetail.Exchange watched = new ActivityDetail.Exchange("POST", "/calling/callConnections?x=1",
                BoundedBody.of("{\"a\":1}".getBytes()), BoundedBody.EMPTY, null);
        ActivityDetail.Event event = new ActivityDetail.Event(new CallEvent.CallConnected(null));
        written.add(item(1, START.minusMillis(3), ActivityKind.REQUEST, APP, ActivityItem.EMULATOR,
                "CreateCall 201", 201, 4.56, null, null, null, CONNECTION, null, null, "CreateCall", watched));
        written.add(item(2, START, ActivityKind.STATE, ActivityItem.EMULATOR, ActivityItem.EMULATOR,
                "connection " + CONNECTION + " created", null, null, null, null, null, CONNECTION, null, null, null,
                null));
        written.add(item(3, START.plusNanos(1), ActivityKind.PERSON, PERSON, ActivityItem.EMULATOR, "joined", null,
                null, null, null, null, null, null, null, null, null));
        written.add(item(4, START.plusSeconds(2), ActivityKind.EVENT, ActivityItem.EMULATOR, APP, "CallConnected",
                null, null, null, "e7d2c0de-0000-4000-8000-000000000001", "CallConnected", CONNECTION, null, null,
                null, event));
        written.add(item(5, START.plusSeconds(2), ActivityKind.EVENT, ActivityItem.EMULATOR, APP,
                "ParticipantsUpdated", null, null, null, "not-a-uuid", "ParticipantsUpdated", CONNECTION, null, null,
                null, null));
        written.add(item(6, START.plusSeconds(3), ActivityKind.DELIVERY, ActivityItem.EMULATOR, APP,
                "CallConnected #1 200 delivered", 200, null, null, "e7d2c0de-0000-4000-8000-000000000001",
                "CallConnected", null, "delivered", 1, null, null));
        written.add(item(7, START.plusSeconds(4), ActivityKind.EVENTGRID, ActivityItem.EMULATOR, "app:eventgrid",
                "IncomingCall #2 failed: Connection refused", null, null, null, "x", "IncomingCall", null, "failed", 2,
                null, null));
        written.add(item(8, START.plusSeconds(5), ActivityKind.MEDIA, ActivityItem.EMULATOR, ActivityItem.EMULATOR,
                "play playing -> completed", null, null, 1500.000001, null, null, CONNECTION, null, null, null, null));
        written.add(item(9, START.plusSeconds(6), ActivityKind.MEDIA, ActivityItem.EMULATOR, ActivityItem.EMULATOR,
                "recognize ‘oui’ → 日本語 \ud800 said", null, 0.1 + 0.2, Double.NaN, null, null, null, null, null,
                null, null));
        written.add(item(10, START.plusSeconds(7), ActivityKind.FAULT, ActivityItem.EMULATOR, ActivityItem.EMULATOR,
                "dropEvent on CallConnected (rule r-1)", null, null, null, null, "CallConnected", CONNECTION, null,
                null, "CreateCall", null));
        written.add(item(11, START.plusSeconds(8), ActivityKind.REQUEST, "app:" + CONNECTION, ActivityItem.EMULATOR,
                "GET /calling/unknown closed", null, 12.0, null, null, null, CONNECTION, "closed", null,
                "GET /calling/unknown", unwatched));
        written.add(item(12, START.plusSeconds(9), ActivityKind.STATE, "", ActivityItem.EMULATOR, "", -1,
                -0.0, Double.POSITIVE_INFINITY, "", "", "", "", -7, "", null));
        written.add(item(13, Instant.parse("1970-01-01T00:00:00Z"), ActivityKind.REQUEST, ActivityItem.EMULATOR,
                ActivityItem.EMULATOR, "AnswerCall 200", 200, 1e300, 3.0, null, null, null, null, null, "AnswerCall",
                null));
        CompactItems items = new CompactItems(100, BASE, new CallStrings(words));

        written.forEach(items::add);

        assertThat(items.after(0)).containsExactlyElementsOf(written);
        assertThat(items.item(4)).hasValueSatisfying(item -> assertThat(item.detail()).isSameAs(event));
        assertThat(items.item(1)).hasValueSatisfying(item -> assertThat(item.detail()).isSameAs(watched));
    }

    @Test
    void theBoundDropsTheOldestAndHeldNumbersAreFilledInPlaceAsAListWouldKeepThem() {
        Random random = new Random(7);
        CompactItems items = new CompactItems(7, BASE, new CallStrings(words));
        List<ActivityItem> model = new ArrayList<>();
        List<Long> held = new ArrayList<>();
        for (long seq = 1; seq <= 3_000; seq++) {
            if (random.nextInt(4) == 0) {
                ActivityItem placeholder = item(seq, START, ActivityKind.REQUEST, ActivityItem.EMULATOR,
                        ActivityItem.EMULATOR, null, null, null, null, null, null, null, null, null, null, null);
                items.add(placeholder);
                model.add(placeholder);
                held.add(seq);
            } else {
                ActivityItem note = item(seq, START.plusMillis(random.nextInt(100_000)), ActivityKind.STATE,
                        ActivityItem.EMULATOR, ActivityItem.EMULATOR, "n".repeat(random.nextInt(300)) + seq, null,
                        null, null, null, null, null, null, null, null, null);
                items.add(note);
                model.add(note);
            }
            if (model.size() > 7) {
                model.remove(0);
            }
            if (!held.isEmpty() && random.nextInt(3) == 0) {
                long filled = held.remove(random.nextInt(held.size()));
                ActivityItem request = item(filled, START.minusMillis(random.nextInt(1000)), ActivityKind.REQUEST,
                        APP, ActivityItem.EMULATOR, "Op" + random.nextInt(9) + " 200", 200, 1.25, null, null, null,
                        CONNECTION, null, null, null, null);
                int index = (int) (filled - model.get(0).seq());
                boolean stillKept = index >= 0;
                if (stillKept) {
                    model.set(index, request);
                }

                assertThat(items.replace(request)).isEqualTo(stillKept);
            }

            assertThat(items.after(0)).containsExactlyElementsOf(model.stream().filter(i -> i.label() != null)
                    .toList());
        }
        assertThat(items.dropped()).isEqualTo(3_000 - 7);
        assertThat(items.item(2_995)).isEqualTo(model.stream().filter(i -> i.seq() == 2_995 && i.label() != null)
                .findFirst());
    }

    @Test
    void aWordOfOneCallStaysWithItAndAWordOfTwoCallsIsSharedByNumber() {
        CallStrings first = new CallStrings(words);
        CallStrings second = new CallStrings(words);

        assertThat(words.numberIfShared("CallConnected", first.identity())).isEqualTo(-1);
        assertThat(words.numberIfShared("CallConnected", first.identity())).as("seen again in the same call")
                .isEqualTo(-1);
        int number = words.numberIfShared("CallConnected", second.identity());

        assertThat(number).isPositive();
        assertThat(words.word(number)).isEqualTo("CallConnected");
        assertThat(words.find("CallConnected")).isEqualTo(number);
        assertThat(words.find(ActivityItem.EMULATOR)).isZero();
    }

    static ActivityItem item(long seq, Instant time, ActivityKind kind, String from, String to, String label,
                             Integer status, Double latencyMs, Double durationMs, String eventId, String eventType,
                             String connectionId, String outcome, Integer attempt, String operation,
                             ActivityDetail detail) {
        return new ActivityItem(seq, time, kind, from, to, label, status, latencyMs, durationMs, eventId, eventType,
                connectionId, outcome, attempt, operation, detail);
    }
}
