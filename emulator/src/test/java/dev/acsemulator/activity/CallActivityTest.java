package dev.acsemulator.activity;

import dev.acsemulator.testing.SettableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
}
