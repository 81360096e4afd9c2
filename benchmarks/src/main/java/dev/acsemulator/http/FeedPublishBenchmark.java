package dev.acsemulator.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.activity.ActivityFeed;
import dev.acsemulator.activity.ActivityItem;
import dev.acsemulator.activity.ActivityJson;
import dev.acsemulator.activity.ActivityKind;
import dev.acsemulator.benchmarks.AbstractMicrobenchmark;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishing activity items to one subscriber of the live feed over a real loopback connection, from a thread that
 * is not the connection's event loop (as the calls' lanes and the delivery threads publish), until the reader has
 * read them: {@code burst} items one after the other (1: an item alone; 8: what one request and its callbacks
 * cause), so a time is per burst. Two ways in the same run:
 * <ul>
 *   <li>{@code before}: as the feed was first built, kept here as the baseline: the item as a Jackson tree turned
 *   into a string, the frame a string, and one {@code writeAndFlush} (one chunk, one socket write) per item;</li>
 *   <li>{@code after}: the feed as it is: the item streamed into the frame's bytes ({@link ActivityJson#writeItem})
 *   and the edge's {@link ChannelStreamSink}, which writes what one turn of the loop was sent as one chunk.</li>
 * </ul>
 * Both write through the same pipeline (the HTTP response encoder, chunked) on the same connection. This class sits
 * in the edge's package to reach its package-private sink.
 */
public class FeedPublishBenchmark extends AbstractMicrobenchmark {

    private static final String CALL = "aHR0cHM6Ly9hcGkuZmxpZ2h0cHJveHkuc2t5cGUuY29tL2FwaS92Mi9jcC9jb252LWV1LTAx";
    private static final ActivityItem ITEM = new ActivityItem(42, Instant.parse("2026-12-07T21:30:00.123456Z"),
            ActivityKind.DELIVERY, "emulator", "app:127.0.0.1:3000/api/callbacks", "CallConnected 200", 200, 1.37,
            null, "7a9f3c1e-2b4d-4e8f-9a1b-3c5d7e9f1a2b", "CallConnected", "421f0b00-5f3e-4d6a-9c1e-6b1f3e1f0a01",
            "delivered", 1, null, null);

    @Param({"1", "8"})
    public int burst;

    private EventLoopGroup loop;
    private Channel server;
    private Channel connection;
    private Socket client;
    private Thread reader;
    private final AtomicLong framesRead = new AtomicLong();
    private volatile long awaited = Long.MAX_VALUE;
    private volatile Thread waiter;
    private long framesSent;
    private ActivityFeed feed;

    @Setup
    public void setUp() throws Exception {
        loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        CompletableFuture<Channel> accepted = new CompletableFuture<>();
        server = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpResponseEncoder(), new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelActive(ChannelHandlerContext ctx) {
                                HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1,
                                        HttpResponseStatus.OK);
                                HttpUtil.setTransferEncodingChunked(head, true);
                                ctx.writeAndFlush(head);
                                accepted.complete(ctx.channel());
                            }
                        });
                    }
                }).bind("127.0.0.1", 0).sync().channel();
        client = new Socket();
        client.setTcpNoDelay(true);
        client.connect(new InetSocketAddress("127.0.0.1", ((InetSocketAddress) server.localAddress()).getPort()));
        connection = accepted.get(5, TimeUnit.SECONDS);
        reader = new Thread(this::read, "feed-benchmark-reader");
        reader.setDaemon(true);
        reader.start();
        feed = new ActivityFeed();
        feed.subscribe(null, List::of).opened(new ChannelStreamSink(connection));
        framesSent = 1; // the feed's opening comment
        waitForFrames();
    }

    @TearDown
    public void tearDown() throws Exception {
        client.close();
        server.close().sync();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    @Benchmark
    public void before() {
        for (int i = 0; i < burst; i++) {
            String frame = "event: activity\ndata: " + treeItem(CALL, ITEM).toString() + "\n\n";
            if (!connection.isWritable()) {
                throw new IllegalStateException("the reader fell behind");
            }
            connection.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(frame, StandardCharsets.UTF_8)));
        }
        framesSent += burst;
        waitForFrames();
    }

    @Benchmark
    public void after() {
        for (int i = 0; i < burst; i++) {
            feed.publish("activity", CALL, json -> ActivityJson.writeItem(json, CALL, ITEM));
        }
        if (feed.subscriberCount() != 1) {
            throw new IllegalStateException("the reader was dropped");
        }
        framesSent += burst;
        waitForFrames();
    }

    /** The item as the feed first built it: a tree per item, turned into a string. */
    private static ObjectNode treeItem(String serverCallId, ActivityItem item) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("seq", item.seq())
                .put("serverCallId", serverCallId).put("time", item.time().toString())
                .put("kind", item.kind().wireName()).put("from", item.from()).put("to", item.to())
                .put("label", item.label());
        putIf(node, "operation", item.operation());
        if (item.status() != null) {
            node.put("status", item.status());
        }
        if (item.latencyMs() != null) {
            node.put("latencyMs", item.latencyMs());
        }
        if (item.durationMs() != null) {
            node.put("durationMs", item.durationMs());
        }
        putIf(node, "eventId", item.eventId());
        putIf(node, "eventType", item.eventType());
        putIf(node, "connectionId", item.connectionId());
        putIf(node, "outcome", item.outcome());
        if (item.attempt() != null) {
            node.put("attempt", item.attempt());
        }
        return node;
    }

    private static void putIf(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** Parks until the reader has seen every frame sent so far (each ends in a blank line). */
    private void waitForFrames() {
        waiter = Thread.currentThread();
        awaited = framesSent;
        while (framesRead.get() < framesSent) {
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Counts the frames as they arrive: a line feed right after a line feed ends one. */
    private void read() {
        byte[] buffer = new byte[64 * 1024];
        byte previous = 0;
        try (InputStream in = client.getInputStream()) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                long frames = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n' && previous == '\n') {
                        frames++;
                    }
                    previous = buffer[i];
                }
                if (frames > 0 && framesRead.addAndGet(frames) >= awaited) {
                    LockSupport.unpark(waiter);
                }
            }
        } catch (IOException closed) {
            // the trial ended
        }
    }
}
