package dev.acsemulator.conformance.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The application's end of transcription sockets: a real WebSocket server on the loopback that accepts the
 * emulator's connections at {@code /transcripts/...} and keeps every text message, its upgrade headers and how each
 * socket closed.
 */
public final class TranscriptServer implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final List<String> texts = new CopyOnWriteArrayList<>();
    private final List<HttpHeaders> handshakes = new CopyOnWriteArrayList<>();
    private final List<Integer> closeCodes = new CopyOnWriteArrayList<>();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;

    public TranscriptServer() {
        try {
            server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                    new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                            .websocketPath("/transcripts").checkStartsWith(true)
                                            .handleCloseFrames(false).build()),
                                    new Keeper());
                        }
                    }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The {@code transportUrl} to give the emulator. */
    public String url() {
        return "ws://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort() + "/transcripts/app";
    }

    /** Waits until at least {@code count} messages arrived; returns them all, parsed, in order. */
    public List<JsonNode> awaitMessages(int count) {
        await().atMost(WAIT).until(() -> texts.size() >= count);
        return messages();
    }

    public List<JsonNode> messages() {
        return texts.stream().map(TranscriptServer::parse).toList();
    }

    public List<HttpHeaders> handshakes() {
        return List.copyOf(handshakes);
    }

    /** Waits until {@code count} sockets were closed by the emulator; returns their close codes. */
    public List<Integer> awaitCloses(int count) {
        await().atMost(WAIT).until(() -> closeCodes.size() >= count);
        return List.copyOf(closeCodes);
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + text, e);
        }
    }

    private final class Keeper extends SimpleChannelInboundHandler<WebSocketFrame> {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake) {
                handshakes.add(handshake.requestHeaders());
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame text) {
                texts.add(text.text());
            } else if (frame instanceof CloseWebSocketFrame close) {
                closeCodes.add(close.statusCode());
                ctx.writeAndFlush(new CloseWebSocketFrame(close.statusCode(), "")).addListener(done -> ctx.close());
            }
        }
    }
}
