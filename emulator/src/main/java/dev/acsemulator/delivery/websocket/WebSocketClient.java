package dev.acsemulator.delivery.websocket;

import dev.acsemulator.http.IoLoops;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.DefaultThreadFactory;

import javax.net.ssl.SSLException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Opens WebSocket connections to applications, as the service does for media streaming and transcription: the
 * service is the client, the application's {@code ws://} or {@code wss://} URL the server. Netty, on the emulator's
 * event loops; nothing blocks one (host names are looked up on a thread of their own). {@code wss} is verified
 * against the JDK trust store, host name included, as webhooks are.
 *
 * <p>{@link #connect} completes once the opening handshake succeeded, or fails with {@link WebSocketConnectException}
 * (refused, unresolvable, TLS, an upgrade the server answered with another status, or no handshake within the
 * connect timeout).
 */
public final class WebSocketClient {

    /** The largest message the application may send (bidirectional audio chunks are far smaller). */
    static final int MAX_INBOUND_MESSAGE_BYTES = 1 << 20;
    private static final ExecutorService RESOLVER = Executors.newSingleThreadExecutor(
            new DefaultThreadFactory("acs-websocket-resolver", true));

    private final IoLoops loops;
    private final Duration connectTimeout;
    private final SslContext tls;

    /** A client that trusts what the JDK trusts. */
    public WebSocketClient(IoLoops loops, Duration connectTimeout) {
        this(loops, connectTimeout, jdkTrust());
    }

    /** A client that verifies {@code wss} servers with the given context (tests trusting their own certificate). */
    public WebSocketClient(IoLoops loops, Duration connectTimeout, SslContext tls) {
        this.loops = loops;
        this.connectTimeout = connectTimeout;
        this.tls = tls;
    }

    /**
     * Connects to {@code uri} sending {@code headers} on the upgrade request; {@code listener} then hears what the
     * application sends and the close.
     */
    public CompletableFuture<WebSocketSession> connect(URI uri, Map<String, String> headers,
                                                       WebSocketListener listener) {
        CompletableFuture<WebSocketSession> result = new CompletableFuture<>();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss") || uri.getHost() == null) {
            result.completeExceptionally(new WebSocketConnectException("Not a ws:// or wss:// URL: " + uri, null));
            return result;
        }
        boolean secure = scheme.equals("wss");
        int port = uri.getPort() >= 0 ? uri.getPort() : secure ? 443 : 80;
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        EventLoop loop = loops.group().next();
        Bootstrap bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        connectTimeout.toMillis()))
                .handler(new WebSocketClientInitializer(uri, secure ? tls : null, host, port, headers,
                        connectTimeout, listener, result));
        if (NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host)) {
            connect(bootstrap, new InetSocketAddress(NetUtil.createInetAddressFromIpAddressString(host), port),
                    result);
        } else {
            CompletableFuture.supplyAsync(() -> new InetSocketAddress(host, port), RESOLVER)
                    .whenComplete((address, error) -> loop.execute(() -> {
                        if (error != null || address.isUnresolved()) {
                            result.completeExceptionally(new WebSocketConnectException("Cannot resolve " + host,
                                    new UnknownHostException(host)));
                        } else {
                            connect(bootstrap, address, result);
                        }
                    }));
        }
        return result;
    }

    private static void connect(Bootstrap bootstrap, InetSocketAddress address,
                                CompletableFuture<WebSocketSession> result) {
        bootstrap.connect(address).addListener(done -> {
            if (!done.isSuccess()) {
                result.completeExceptionally(new WebSocketConnectException("Cannot connect to " + address,
                        done.cause()));
            }
        });
    }

    private static SslContext jdkTrust() {
        try {
            return SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                    .endpointIdentificationAlgorithm("HTTPS").build();
        } catch (SSLException unavailable) {
            throw new IllegalStateException("TLS is unavailable for wss:// streams", unavailable);
        }
    }
}
