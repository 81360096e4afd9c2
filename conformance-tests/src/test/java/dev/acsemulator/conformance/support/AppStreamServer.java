package dev.acsemulator.conformance.support;

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

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The application's end of media streams: a real WebSocket server (Netty) at {@code ws://127.0.0.1:<port>/media}
 * that keeps, per socket the emulator opened, the upgrade request's headers, every text message with its arrival
 * time, and how the socket closed. It can send the application's messages back, and drop a socket.
 */
public final class AppStreamServer implements AutoCloseable {

    /** One socket the emulator opened. */
    public static final class Socket {
        public final HttpHeaders handshake;
        public final List<String> texts = new CopyOnWriteArrayList<>();
        public final List<Long> arrivalNanos = new CopyOnWriteArrayList<>();
        private final Channel channel;
        private volatile Integer closeCode;
        private volatile boolean gone;

        Socket(HttpHeaders handshake, Channel channel) {
            this.handshake = handshake;
            this.channel = channel;
        }

        /** Sends the application's message to the emulator. */
        public void send(String text) {
            channel.writeAndFlush(new TextWebSocketFrame(text));
        }

        /** Drops the TCP connection without a close frame. */
        public void drop() {
            channel.close();
        }

        /** The close code the emulator sent, once it closed the socket. */
        public Integer closeCode() {
            return closeCode;
        }

        public boolean isGone() {
            return gone;
        }

        /** Waits until at least {@code count} messages arrived; returns them. */
        public List<String> awaitTexts(int count) {
            await().atMost(Duration.ofSeconds(20)).until(() -> texts.size() >= count);
            return texts;
        }
    }

    public final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;

    public AppStreamServer() throws InterruptedException {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                        .websocketPath("/media").checkStartsWith(true).handleCloseFrames(false)
                                        .sendCloseFrame(null).maxFramePayloadLength(1 << 20).build()),
                                new Keeper());
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    public String url() {
        return "ws://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort() + "/media";
    }

    /** Waits for the n-th socket (1-based) the emulator opened. */
    public Socket awaitSocket(int n) {
        await().atMost(Duration.ofSeconds(20)).until(() -> sockets.size() >= n);
        return sockets.get(n - 1);
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Keeper extends SimpleChannelInboundHandler<WebSocketFrame> {
        private Socket socket;

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake) {
                socket = new Socket(handshake.requestHeaders(), ctx.channel());
                sockets.add(socket);
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame text) {
                socket.arrivalNanos.add(System.nanoTime());
                socket.texts.add(text.text());
            } else if (frame instanceof CloseWebSocketFrame close) {
                socket.closeCode = close.statusCode();
                ctx.writeAndFlush(new CloseWebSocketFrame(close.statusCode(), "")).addListener(done -> ctx.close());
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (socket != null) {
                socket.gone = true;
            }
            super.channelInactive(ctx);
        }
    }
}
