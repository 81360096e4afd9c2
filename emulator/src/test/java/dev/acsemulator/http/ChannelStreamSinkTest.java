package dev.acsemulator.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live feed's connection writes in batches: what is sent before the connection's event loop next runs goes out
 * as one chunk, in the order sent; nothing is lost between batches; a reader that stops reading is still dropped at
 * the high water mark; and closing writes what is queued first. On an {@link EmbeddedChannel} the loop runs only
 * when the test runs its pending tasks, which is what makes a batch visible.
 */
class ChannelStreamSinkTest {

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final ChannelStreamSink sink = new ChannelStreamSink(channel);

    @AfterEach
    void release() {
        channel.finishAndReleaseAll();
    }

    @Test
    void framesSentBeforeTheLoopRunsGoOutAsOneChunkInTheOrderSent() {
        assertThat(sink.send(bytes("event: a\n\n"))).isTrue();
        assertThat(sink.send(bytes("event: b\n\n"))).isTrue();
        assertThat(sink.send(bytes("event: c\n\n"))).isTrue();

        assertThat(chunks()).isEmpty();
        channel.runPendingTasks();

        assertThat(chunks()).containsExactly("event: a\n\nevent: b\n\nevent: c\n\n");
    }

    @Test
    void nothingIsLostBetweenOneBatchAndTheNext() {
        List<String> sent = new ArrayList<>();
        List<String> received = new ArrayList<>();
        for (int batch = 0; batch < 5; batch++) {
            for (int frame = 0; frame <= batch; frame++) {
                String text = "data: " + batch + "." + frame + "\n\n";
                sent.add(text);
                sink.send(bytes(text));
            }
            channel.runPendingTasks();
            received.addAll(chunks());
        }

        assertThat(received).hasSize(5);
        assertThat(String.join("", received)).isEqualTo(String.join("", sent));
    }

    @Test
    void aReaderThatStoppedReadingIsDroppedAndWhatWasQueuedForItIsThrownAway() {
        sink.send(bytes("event: queued\n\n"));
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false); // its socket takes no more

        assertThat(sink.send(bytes("event: refused\n\n"))).isFalse();
        channel.runPendingTasks();

        assertThat(channel.isOpen()).isFalse();
        assertThat(chunks()).isEmpty();
        assertThat(sink.writable()).isFalse();
    }

    @Test
    void onTheLoopABatchThatReachesTheHighWaterMarkIsHandedToTheSocketAtOnce() {
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(16, 32));
        sink.send(bytes("0123456789abcdef0123")); // 20 bytes, queued
        assertThat(chunks()).isEmpty();

        assertThat(sink.send(bytes("0123456789abcdef"))).isTrue(); // 36 would pass 32: the 20 go out first

        assertThat(chunks()).containsExactly("0123456789abcdef0123");
        channel.runPendingTasks();
        assertThat(chunks()).containsExactly("0123456789abcdef");
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void closingWritesWhatIsQueuedThenClosesTheConnection() {
        sink.send(bytes("event: last\n\n"));

        sink.close();

        assertThat(chunks()).containsExactly("event: last\n\n");
        assertThat(channel.isOpen()).isFalse();
        assertThat(sink.send(bytes("event: after\n\n"))).isFalse();
    }

    @Test
    void offTheLoopABatchThatWouldPassTheHighWaterMarkDropsTheReaderAndOnTheLoopItIsWritten() throws Exception {
        try (Edge edge = new Edge()) {
            byte[] large = new byte[70 * 1024]; // over the 64 KiB mark by itself
            Arrays.fill(large, (byte) 'x');

            EventStream.Sink onLoop = edge.open();
            CompletableFuture<Boolean> sentOnLoop = new CompletableFuture<>();
            edge.loops.executors().get(0).execute(() -> sentOnLoop.complete(onLoop.send(large)));
            assertThat(sentOnLoop.get(5, TimeUnit.SECONDS)).isTrue();
            edge.readsAtLeast(large.length);

            EventStream.Sink offLoop = edge.open();
            assertThat(offLoop.send(large)).isFalse();
            await().atMost(Duration.ofSeconds(5)).until(() -> !offLoop.writable());
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The chunks written since the last look, as text. */
    private List<String> chunks() {
        List<String> chunks = new ArrayList<>();
        for (Object written = channel.readOutbound(); written != null; written = channel.readOutbound()) {
            ByteBuf content = ((HttpContent) written).content();
            chunks.add(content.toString(StandardCharsets.UTF_8));
            content.release();
        }
        return chunks;
    }

    /** The real edge on one loop, answering every request with a stream whose sink the test takes. */
    private static final class Edge implements AutoCloseable {
        final IoLoops loops = new IoLoops(1);
        private final HttpServer server = new HttpServer(loops);
        private final List<Socket> readers = new ArrayList<>();
        private volatile CompletableFuture<EventStream.Sink> next;
        private final int port;

        Edge() throws InterruptedException {
            port = server.listen("127.0.0.1", 0, null, request -> CompletableFuture.completedFuture(
                    HttpResponseMessage.streaming("text/event-stream", sink -> next.complete(sink))),
                    new JsonEdgeErrors(), JsonEdgeErrors.limits());
        }

        EventStream.Sink open() throws Exception {
            next = new CompletableFuture<>();
            Socket socket = new Socket("127.0.0.1", port);
            readers.add(socket);
            socket.getOutputStream().write("GET /feed HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return next.get(5, TimeUnit.SECONDS);
        }

        /** Reads from the first reader until {@code count} bytes of body (and headers) have come. */
        void readsAtLeast(int count) throws IOException {
            InputStream in = readers.get(0).getInputStream();
            byte[] buffer = new byte[8192];
            int total = 0;
            while (total < count) {
                int read = in.read(buffer);
                assertThat(read).as("the stream ended after %d bytes", total).isPositive();
                total += read;
            }
        }

        @Override
        public void close() throws IOException {
            for (Socket reader : readers) {
                reader.close();
            }
            server.close();
            loops.close();
        }
    }
}
