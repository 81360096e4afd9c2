package dev.acsemulator.activity;

import dev.acsemulator.testing.SettableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CallActivityTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final SettableClock clock = new SettableClock(START);
    private final List<ActivityItem> published = new ArrayList<>();

    private ActivityItem.Draft note(String label) {
        return ActivityItem.Draft.of(ActivityKind.STATE, ActivityItem.EMULATOR, ActivityItem.EMULATOR, label);
    }

    @Test
    void itemsAreNumberedFromOneInTheOrderRecordedAndTimedOnTheClock() {
        CallActivity activity = new CallActivity("call", clock, 10);
        activity.append(note("first"), (item, call) -> published.add(item));
        clock.set(START.plusSeconds(2));
        activity.append(note("second"), (item, call) -> published.add(item));

        assertThat(activity.items()).extracting(ActivityItem::seq, ActivityItem::label, ActivityItem::time)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "first", START),
                        org.assertj.core.groups.Tuple.tuple(2L, "second", START.plusSeconds(2)));
        assertThat(published).isEqualTo(activity.items());
    }

    @Test
    void theOldestItemsGoPastTheBoundAndAreCounted() {
        CallActivity activity = new CallActivity("call", clock, 3);
        for (int i = 1; i <= 5; i++) {
            activity.append(note("n" + i), (item, call) -> { });
        }

        assertThat(activity.items()).extracting(ActivityItem::label).containsExactly("n3", "n4", "n5");
        assertThat(activity.dropped()).isEqualTo(2);
        assertThat(activity.item(2)).isEmpty();
        assertThat(activity.item(4)).map(ActivityItem::label).hasValue("n4");
        assertThat(activity.itemsAfter(4)).extracting(ActivityItem::label).containsExactly("n5");
    }

    @Test
    void aHeldNumberIsInvisibleUntilFilledAndThenComesBeforeWhatFollowedIt() {
        CallActivity activity = new CallActivity("call", clock, 10);
        long held = activity.reserve();
        activity.append(note("caused"), (item, call) -> published.add(item));

        assertThat(activity.items()).extracting(ActivityItem::label).containsExactly("caused");
        assertThat(activity.item(held)).isEmpty();

        activity.fill(held, START, ActivityItem.Draft.of(ActivityKind.REQUEST, "app:x", ActivityItem.EMULATOR,
                "CreateCall 201"), (item, call) -> published.add(item));

        assertThat(activity.items()).extracting(ActivityItem::seq, ActivityItem::label).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, "CreateCall 201"),
                org.assertj.core.groups.Tuple.tuple(2L, "caused"));
        assertThat(published).extracting(ActivityItem::label).containsExactly("caused", "CreateCall 201");
    }

    @Test
    void aMediaOperationsEndCarriesHowLongItRanOnTheClock() {
        CallActivity activity = new CallActivity("call", clock, 10);
        activity.mediaStarted("conn|play");
        clock.set(START.plusMillis(1500));

        assertThat(activity.mediaEnded("conn|play")).isEqualTo(1500.0);
        assertThat(activity.mediaEnded("conn|play")).as("an end seen twice has no start any more").isNull();
    }

    @Test
    void theSummaryFollowsTheRosterTheConnectionsAndTheEnd() {
        CallActivity activity = new CallActivity("call", clock, 10);
        activity.joined("8:acs:a");
        activity.joined("8:acs:b");
        activity.joined("8:acs:b");
        activity.left("8:acs:a");
        activity.connectionState("c1", "connected");
        clock.set(START.plusSeconds(9));
        activity.ended();

        CallSummary summary = activity.summary("corr");

        assertThat(summary.participants()).isEqualTo(1);
        assertThat(summary.connections()).containsExactly(new CallSummary.Connection("c1", "connected"));
        assertThat(summary.ended()).isTrue();
        assertThat(summary.endedAt()).isEqualTo(START.plusSeconds(9));
        assertThat(summary.created()).isEqualTo(START);
    }

    @Test
    void anIdleHeldCallKeepsItsItemsInAFewBytesEachOnceAnotherCallSharedTheirWords() {
        ActivityWords words = new ActivityWords();
        CallActivity first = new CallActivity("first", clock, 2000, words);
        CallActivity second = new CallActivity("second", clock, 2000, words);

        heldCall(first, 1);
        int items = heldCall(second, 2);

        assertThat(second.items()).hasSize(items);
        assertThat(second.encodedBytes()).as("bytes of %d items (299 when written; an item as objects took over 200)",
                items).isLessThanOrEqualTo(items * 32);
    }

    /**
     * The items a connected call that then stays idle records (as the load benchmark's held calls do): its CreateCall
     * under the number held before its first note, the connection, the roster, the invitation answered, the
     * connection's transition, CallConnected and ParticipantsUpdated and their deliveries; each call with its own
     * ids and its own callback URI, the worst case for what calls share.
     */
    private int heldCall(CallActivity activity, int index) {
        String connection = UUID.randomUUID().toString();
        String app = "8:acs:0a5e0000-ca11-4a7e-8000-000000000001_" + UUID.randomUUID();
        String callee = "8:acs:0a5e0000-ca11-4a7e-8000-000000000001_" + UUID.randomUUID();
        String lifeline = "app:127.0.0.1:40123/callbacks/" + index;
        long held = activity.reserve();
        activity.append(note("connection " + connection + " created for " + app).withConnection(connection), ignore());
        activity.append(ActivityItem.Draft.of(ActivityKind.PERSON, app, ActivityItem.EMULATOR, "joined"), ignore());
        activity.append(note("invitation " + UUID.randomUUID() + ": " + callee + " answered"), ignore());
        activity.append(ActivityItem.Draft.of(ActivityKind.PERSON, callee, ActivityItem.EMULATOR, "joined"), ignore());
        activity.append(note(connection + " connecting -> connected (invitation answered)")
                .withConnection(connection), ignore());
        clock.set(START.plusMillis(3));
        activity.fill(held, START, new ActivityItem.Draft(ActivityKind.REQUEST, lifeline, ActivityItem.EMULATOR,
                "CreateCall 201", 201, 2.47, null, null, null, connection, null, null, "CreateCall",
                new ActivityDetail.Exchange("POST", "/calling/callConnections?api-version=2025-06-15",
                        BoundedBody.NOT_KEPT, BoundedBody.NOT_KEPT, UUID.randomUUID().toString())), ignore());
        for (String type : List.of("CallConnected", "ParticipantsUpdated")) {
            String eventId = UUID.randomUUID().toString();
            activity.append(new ActivityItem.Draft(ActivityKind.EVENT, ActivityItem.EMULATOR, lifeline, type, null,
                    null, null, eventId, type, connection, null, null, null, null), ignore());
            clock.set(START.plusMillis(11));
            activity.append(new ActivityItem.Draft(ActivityKind.DELIVERY, ActivityItem.EMULATOR, lifeline,
                    type + " #1 200 delivered", 200, null, null, eventId, type, null, "delivered", 1, null, null),
                    ignore());
        }
        return activity.items().size();
    }

    private static java.util.function.BiConsumer<ActivityItem, CallActivity> ignore() {
        return (item, call) -> { };
    }
}
