package dev.acsemulator.activity;

import dev.acsemulator.http.EventStream;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityFeedUnitTest {

    /** A sink that records what it is sent, reads as long as told to, and remembers its heartbeat's period. */
    static final class RecordingSink implements EventStream.Sink {
        final List<String> sent = new ArrayList<>();
        final List<byte[]> frames = new ArrayList<>();
        final List<Runnable> whenClosed = new ArrayList<>();
        boolean reading = true;
        boolean closed;
        long heartbeatPeriod;

        @Override
        public boolean send(byte[] utf8) {
            if (!reading) {
                close();
                return false;
            }
            sent.add(new String(utf8, StandardCharsets.UTF_8));
            frames.add(utf8);
            return true;
        }

        @Override
        public boolean writable() {
            return reading;
        }

        @Override
        public void close() {
            closed = true;
            whenClosed.forEach(Runnable::run);
        }

        @Override
        public void whenClosed(Runnable action) {
            whenClosed.add(action);
        }

        @Override
        public void every(long periodMillis, Runnable action) {
            heartbeatPeriod = periodMillis;
        }
    }

    private final ActivityFeed feed = new ActivityFeed();

    @Test
    void nothingIsBuiltWhileNoOneSubscribes() {
        AtomicInteger built = new AtomicInteger();

        feed.publish("activity", "call", () -> {
            built.incrementAndGet();
            return "{}";
        });

        assertThat(built).hasValue(0);
        assertThat(feed.hasSubscribers()).isFalse();
    }

    @Test
    void aSubscriberGetsTheCallsFirstThenEventsAsServerSentEventsAndAHeartbeatEveryFifteenSeconds() {
        RecordingSink sink = new RecordingSink();
        feed.subscribe(null, () -> List.of(ActivityFeed.frame("call", "{\"serverCallId\":\"a\"}"))).opened(sink);

        feed.publish("activity", "a", () -> "{\"seq\":1}");

        assertThat(sink.sent).containsExactly(": acs-emulator activity feed\n\n",
                "event: call\ndata: {\"serverCallId\":\"a\"}\n\n", "event: activity\ndata: {\"seq\":1}\n\n");
        assertThat(sink.heartbeatPeriod).isEqualTo(15_000);
    }

    @Test
    void aStreamedEventIsWrittenOnceAndEverySubscriberIsSentTheSameFrame() {
        RecordingSink first = new RecordingSink();
        RecordingSink second = new RecordingSink();
        feed.subscribe(null, List::of).opened(first);
        feed.subscribe(null, List::of).opened(second);
        AtomicInteger written = new AtomicInteger();

        feed.publish("activity", "a", json -> {
            written.incrementAndGet();
            json.writeStartObject();
            json.writeNumberField("seq", 1);
            json.writeStringField("label", "CreateCall 201");
            json.writeEndObject();
        });

        assertThat(written).hasValue(1);
        assertThat(first.sent).last().isEqualTo("event: activity\ndata: {\"seq\":1,\"label\":\"CreateCall 201\"}\n\n");
        assertThat(second.frames.get(1)).isSameAs(first.frames.get(1));
    }

    @Test
    void aSubscriberOfOneCallGetsThatCallsEventsAndTheWorldsButNotAnotherCalls() {
        RecordingSink sink = new RecordingSink();
        feed.subscribe("a", List::of).opened(sink);

        feed.publish("activity", "b", () -> "{\"of\":\"b\"}");
        feed.publish("activity", "a", () -> "{\"of\":\"a\"}");
        feed.publish("world", null, () -> "{\"changed\":\"faults\"}");

        assertThat(sink.sent).containsExactly(": acs-emulator activity feed\n\n",
                "event: activity\ndata: {\"of\":\"a\"}\n\n", "event: world\ndata: {\"changed\":\"faults\"}\n\n");
    }

    @Test
    void aReaderThatStopsReadingIsDroppedAndTheOthersGoOn() {
        RecordingSink slow = new RecordingSink();
        RecordingSink fast = new RecordingSink();
        feed.subscribe(null, List::of).opened(slow);
        feed.subscribe(null, List::of).opened(fast);
        slow.reading = false;

        feed.publish("activity", "a", () -> "{\"seq\":1}");
        feed.publish("activity", "a", () -> "{\"seq\":2}");

        assertThat(slow.closed).isTrue();
        assertThat(feed.subscriberCount()).isEqualTo(1);
        assertThat(fast.sent).hasSize(3);
    }

    @Test
    void aClosedConnectionLeavesTheFeed() {
        RecordingSink sink = new RecordingSink();
        feed.subscribe(null, List::of).opened(sink);

        sink.close();

        assertThat(feed.hasSubscribers()).isFalse();
    }
}
