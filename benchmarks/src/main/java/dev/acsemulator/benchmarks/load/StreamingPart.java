package dev.acsemulator.benchmarks.load;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The {@code streaming} part: how many media streams the emulator, pinned to one core, keeps at 50 frames a second,
 * and how late their frames arrive. Calls to simulated persons are created with {@code startMediaStreaming}, in
 * steps of more concurrent streams (the calls of earlier steps keep streaming); a WebSocket server on the generator's
 * loop plays every application. Per step, over its measuring window: the AudioData frames received per stream and
 * second, and the p99 of each frame's lateness (its arrival minus its stream's first AudioData arrival plus 20 ms per
 * frame since; a stream whose frames fall behind accumulates lateness). A step is kept at 50 frames/s when streams
 * received at least 98 % of 50 frames a second and p99 lateness is under 20 ms (one frame).
 */
final class StreamingPart {

    private static final int[] STREAM_COUNTS = {25, 50, 100, 200, 300, 400, 600, 800, 1200, 1600};
    private static final long FRAME_NANOS = 20_000_000L;
    private static final double KEPT_RATE = 0.98 * 50;
    private static final double KEPT_P99_MILLIS = 20;

    /** One stream as the application sees it: when each AudioData arrived, on the loop. */
    private static final class Stream {
        long firstNanos = -1;
        long frames;
        long[] lateness = new long[256];
        int measured;
        boolean measuring;
        long framesInWindow;

        void audioData(long now) {
            if (firstNanos < 0) {
                firstNanos = now;
            }
            long late = Math.max(0, now - (firstNanos + frames * FRAME_NANOS));
            frames++;
            if (measuring) {
                framesInWindow++;
                if (measured == lateness.length) {
                    lateness = Arrays.copyOf(lateness, measured * 2);
                }
                lateness[measured++] = late;
            }
        }
    }

    private final EventLoop loop;
    private final List<Stream> streams = new ArrayList<>();
    private Channel server;

    StreamingPart(EventLoop loop) {
        this.loop = loop;
    }

    /** Starts the applications' WebSocket server; returns its URL. */
    String start() throws InterruptedException {
        server = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        Stream stream = new Stream();
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                        .websocketPath("/media").build()),
                                new SimpleChannelInboundHandler<TextWebSocketFrame>() {
                                    @Override
                                    public void channelActive(ChannelHandlerContext ctx) throws Exception {
                                        streams.add(stream);
                                        super.channelActive(ctx);
                                    }

                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
                                        if (frame.content().toString(0, Math.min(24, frame.content().readableBytes()),
                                                StandardCharsets.US_ASCII).contains("\"AudioData\"")) {
                                            stream.audioData(System.nanoTime());
                                        }
                                    }
                                });
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        return "ws://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort() + "/media";
    }

    /** CreateCall's body with streaming options: a call to a simulated person that streams mixed 16 kHz audio. */
    static byte[] createCallBody(byte[] plainBody, String transportUrl) {
        String body = new String(plainBody, StandardCharsets.UTF_8);
        return (body.substring(0, body.length() - 1) + ",\"mediaStreamingOptions\":{\"transportUrl\":\""
                + transportUrl + "\",\"transportType\":\"websocket\",\"contentType\":\"audio\",\"audioChannelType\":"
                + "\"mixed\",\"audioFormat\":\"pcm16KMono\",\"startMediaStreaming\":true}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** What one step measured. */
    record StepOutcome(int streams, int streaming, double framesPerStreamSecond, double p99LatenessMillis) {
        boolean kept() {
            return streaming == streams && framesPerStreamSecond >= KEPT_RATE
                    && p99LatenessMillis < KEPT_P99_MILLIS;
        }
    }

    /** Runs the steps: {@code addCalls} creates that many more streamed calls. */
    List<StepOutcome> run(java.util.function.IntConsumer addCalls, double stepSeconds, int maxStreams)
            throws Exception {
        List<StepOutcome> outcomes = new ArrayList<>();
        int created = 0;
        for (int target : STREAM_COUNTS) {
            if (target > maxStreams) {
                break;
            }
            addCalls.accept(target - created);
            created = target;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (onLoop(() -> streams.size()) < target && System.nanoTime() < deadline) {
                Thread.sleep(100); // the generator's main thread, not a loop: waiting for sockets to open
            }
            Thread.sleep(1000);
            onLoop(() -> {
                streams.forEach(stream -> {
                    stream.measuring = true;
                    stream.measured = 0;
                    stream.framesInWindow = 0;
                });
                return null;
            });
            Thread.sleep((long) (stepSeconds * 1000));
            StepOutcome outcome = onLoop(() -> {
                long frames = 0;
                List<long[]> all = new ArrayList<>();
                for (Stream stream : streams) {
                    stream.measuring = false;
                    frames += stream.framesInWindow;
                    all.add(Arrays.copyOf(stream.lateness, stream.measured));
                }
                long[] lateness = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
                double p99 = lateness.length == 0 ? Double.NaN
                        : lateness[(int) Math.min(lateness.length - 1, Math.ceil(lateness.length * 0.99) - 1)] / 1e6;
                return new StepOutcome(target, streams.size(), streams.isEmpty() ? 0
                        : frames / (streams.size() * stepSeconds), p99);
            });
            outcomes.add(outcome);
            System.out.printf("streaming %5d streams (%5d open)  %5.1f AudioData/s per stream  p99 lateness %7.1f ms"
                    + "  %s%n", outcome.streams(), outcome.streaming(), outcome.framesPerStreamSecond(),
                    outcome.p99LatenessMillis(), outcome.kept() ? "kept" : "NOT kept");
            if (!outcome.kept()) {
                break;
            }
        }
        return outcomes;
    }

    /** Writes {@code streaming.md}: every step, and the most streams kept at 50 frames/s on the server's one core. */
    static void write(List<StepOutcome> outcomes, Path out, String commandLine) throws IOException {
        StringBuilder md = new StringBuilder("# Media streaming load\n\n`").append(commandLine).append("`\n\n")
                .append("The emulator pinned to one core; each stream mixed 16 kHz audio to a WebSocket server on the")
                .append(" generator's core.\n\n| streams | open | AudioData/s per stream | p99 lateness (ms) | kept |\n")
                .append("|---|---|---|---|---|\n");
        int best = 0;
        for (StepOutcome outcome : outcomes) {
            md.append(String.format("| %d | %d | %.1f | %.1f | %s |%n", outcome.streams(), outcome.streaming(),
                    outcome.framesPerStreamSecond(), outcome.p99LatenessMillis(), outcome.kept() ? "yes" : "no"));
            if (outcome.kept()) {
                best = outcome.streams();
            }
        }
        md.append("\n**Concurrent streams per core at 50 frames/s: ").append(best).append("**\n");
        Files.createDirectories(out);
        Files.writeString(out.resolve("streaming.md"), md.toString());
        System.out.println("Concurrent streams per core at 50 frames/s: " + best + " (" + out.resolve("streaming.md")
                + ")");
    }

    void close() {
        if (server != null) {
            server.close().syncUninterruptibly();
        }
    }

    private <T> T onLoop(java.util.concurrent.Callable<T> task) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                result.complete(task.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.SECONDS);
    }
}
