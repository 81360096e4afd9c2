package dev.acsemulator.activity;

import dev.acsemulator.call.CallRegistry;
import dev.acsemulator.delivery.DeliveryJournal;
import dev.acsemulator.runtime.Lane;
import dev.acsemulator.runtime.LaneSource;
import dev.acsemulator.testing.SettableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CallSummaryCoalescingTest {

    /** A lane that runs what it is given only when the test says, as a call's lane does once its task is done. */
    private static final class HeldLane implements Lane, LaneSource {
        final List<Runnable> queued = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            queued.add(task);
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable task) {
            throw new UnsupportedOperationException("the summary is never delayed");
        }

        @Override
        public Lane forKey(String key) {
            return this;
        }

        @Override
        public void close() {
        }

        void runQueued() {
            List<Runnable> tasks = new ArrayList<>(queued);
            queued.clear();
            tasks.forEach(Runnable::run);
        }
    }

    private static final String HEADER = ": acs-emulator activity feed\n\n";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final HeldLane lane = new HeldLane();
    private final ActivityFeed feed = new ActivityFeed();
    private final ActivityBook book = new ActivityBook(new CallRegistry(), clock, 10, feed, lane,
            ActivityRecording.fromStart(clock), new DeliveryJournal(10));
    private final CallActivity call = new CallActivity("call-1", clock, 10);
    private final ActivityFeedUnitTest.RecordingSink page = new ActivityFeedUnitTest.RecordingSink();

    @Test
    void changesInOneTaskOfTheCallsLaneGoOutAsOneSummaryOfTheirLastState() {
        feed.subscribe(null, List::of).opened(page);

        call.connectionState("connection-1", "created");
        book.changed(call);
        call.joined("8:acs:alice");
        book.changed(call);
        call.connectionState("connection-1", "connected");
        book.changed(call);

        assertThat(page.sent).containsExactly(HEADER);
        assertThat(lane.queued).hasSize(1);
        lane.runQueued();
        assertThat(page.sent).hasSize(2);
        assertThat(page.sent.get(1)).startsWith("event: call\ndata: {\"serverCallId\":\"call-1\",")
                .contains("\"participants\":1,\"connections\":[{\"callConnectionId\":\"connection-1\","
                        + "\"state\":\"connected\"}]");
    }

    @Test
    void aChangeAfterTheSummaryWentOutIsSentToo() {
        feed.subscribe(null, List::of).opened(page);
        call.connectionState("connection-1", "connected");
        book.changed(call);
        lane.runQueued();

        call.connectionState("connection-1", "disconnected");
        call.ended();
        book.changed(call);
        lane.runQueued();

        assertThat(page.sent).hasSize(3);
        assertThat(page.sent.get(2)).contains("\"state\":\"ended\"")
                .contains("{\"callConnectionId\":\"connection-1\",\"state\":\"disconnected\"}");
    }

    @Test
    void nothingIsQueuedWhileNoOneReadsTheFeed() {
        call.connectionState("connection-1", "connected");
        book.changed(call);

        assertThat(lane.queued).isEmpty();
    }
}
