package dev.acsemulator.testsupport;

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
import io.netty.handler.ssl.SslContext;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The application's end of the service's WebSockets (media streams, transcription), for the emulator's own tests and,
 * through this module's test-jar, the conformance suite: a real WebSocket server (Netty) on the loopback that accepts
 * upgrades at its path and below it, over TLS when given a context, and keeps, per socket the emulator opened, the
 * upgrade request's headers, every text message with its arrival time and how the socket closed; also every text
 * message and close code of all sockets in the order they came. It answers a close frame with the same code, and can
 * send the application's messages, close a socket with a code or drop it.
 */
public final class AppStreamServer implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);

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

        /** Closes the socket from the application's side with a close frame of {@code code}. */
        public void close(int code, String reason) {
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason));
        }

        /** Drops the TCP connection without a close frame. */
        public void drop() {
            channel.close();
        }

        /** The close code the emulator sent, once it closed the socket. */
        public Integer closeCode() {
            return closeCode;
        }

        /** Waits until the emulator closed the socket; returns its close code. */
        public int awaitCloseCode() {
            await().atMost(WAIT).until(() -> closeCode != null);
            return closeCode;
        }

        public boolean isGone() {
            return gone;
        }

        /** Waits until at least {@code count} messages arrived; returns them. */
        public List<String> awaitTexts(int count) {
            await().atMost(WAIT).until(() -> texts.size() >= count);
            return texts;
        }
    }

    public final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<String> texts = new CopyOnWriteArrayList<>();
    private final List<Integer> closeCodes = new CopyOnWriteArrayList<>();
    private final String path;
    private final SslContext tls;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;

    /** Plain {@code ws://} at {@code /media}, where the media streaming tests point their transport URL. */
    public AppStreamServer() throws InterruptedException {
        this("/media", null);
    }

    /** Upgrades requests to {@code path} and the paths below it; over TLS ({@code wss://}) when {@code tls} is given. */
    public AppStreamServer(String path, SslContext tls) throws InterruptedException {
        this.path = path;
        this.tls = tls;
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (tls != null) {
                            channel.pipeline().addLast(tls.newHandler(channel.alloc()));
                        }
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                        .websocketPath(path).checkStartsWith(true).handleCloseFrames(false)
                                        .sendCloseFrame(null).maxFramePayloadLength(1 << 20).build()),
                                new Keeper());
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** {@code ws://127.0.0.1:<port><path>} ({@code wss://} with TLS): a transport URL for the emulator. */
    public String url() {
        return (tls == null ? "ws" : "wss") + "://127.0.0.1:" + port() + path;
    }

    /** Waits for the n-th socket (1-based) the emulator opened. */
    public Socket awaitSocket(int n) {
        await().atMost(WAIT).until(() -> sockets.size() >= n);
        return sockets.get(n - 1);
    }

    /** Every text message of every socket, in the order they arrived. */
    public List<String> texts() {
        return texts;
    }

    /** The close codes of the sockets the emulator closed, in the order it closed them. */
    public List<Integer> closeCodes() {
        return closeCodes;
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
                texts.add(text.text());
            } else if (frame instanceof CloseWebSocketFrame close) {
                socket.closeCode = close.statusCode();
                closeCodes.add(close.statusCode());
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
