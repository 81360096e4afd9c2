package dev.acsemulator.delivery;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Keep-alive connections to webhook origins, at most {@code maxPerOrigin} each, and the requests waiting for one.
 * Everything runs on one of the emulator's event loops, so the pools need no locks. A pooled
 * connection the server closed leaves the pool when its close arrives; a request lost with its connection fails,
 * and retrying it is the caller's decision (the retry policy, journaled), as with any other failure.
 */
final class WebhookConnections {

    private static final int MAX_RESPONSE_BYTES = 1 << 20;
    /** Looks up webhook host names (rarely: once per new connection, and the JDK caches answers). */
    private static final ExecutorService RESOLVER = Executors.newSingleThreadExecutor(
            new DefaultThreadFactory("acs-webhook-resolver", true));

    /** Where requests go: scheme, host and port. */
    record Origin(boolean https, String host, int port) {
        static Origin of(URI uri) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("Unsupported webhook scheme: " + uri);
            }
            String host = uri.getHost();
            if (host == null || host.isEmpty()) {
                throw new IllegalArgumentException("No host in webhook URI: " + uri);
            }
            boolean https = scheme.equals("https");
            return new Origin(https, host, uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80);
        }

        String hostHeader() {
            return port == (https ? 443 : 80) ? host : host + ":" + port;
        }

        /** The host to connect to: an IPv6 literal without its brackets. */
        String address() {
            return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        }
    }

    private final EventLoop loop;
    private final Map<Origin, Pool> pools = new HashMap<>();
    private final long requestTimeoutNanos;
    private final int maxPerOrigin;
    private final Bootstrap bootstrap;
    private volatile SslContext sslContext;

    WebhookConnections(EventLoopGroup loops, Duration connectTimeout, Duration requestTimeout, int maxPerOrigin) {
        this.loop = loops.next();
        this.requestTimeoutNanos = requestTimeout.toNanos();
        this.maxPerOrigin = maxPerOrigin;
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        connectTimeout.toMillis()));
    }

    CompletableFuture<WebhookClient.Attempt> exchange(Origin origin, FullHttpRequest request) {
        CompletableFuture<WebhookClient.Attempt> result = new CompletableFuture<>();
        Pending pending = new Pending(request, result);
        loop.execute(() -> pools.computeIfAbsent(origin, Pool::new).submit(pending));
        return result;
    }

    private SslContext sslContext() throws SSLException {
        SslContext context = sslContext;
        if (context == null) {
            context = SslContextBuilder.forClient()
                    .sslProvider(SslProvider.JDK)
                    .endpointIdentificationAlgorithm("HTTPS")
                    .build();
            sslContext = context;
        }
        return context;
    }

    /** One request and its result; completes once. */
    private static final class Pending {
        final FullHttpRequest request;
        final CompletableFuture<WebhookClient.Attempt> result;
        ScheduledFuture<?> timeout;

        Pending(FullHttpRequest request, CompletableFuture<WebhookClient.Attempt> result) {
            this.request = request;
            this.result = result;
        }

        boolean complete(WebhookClient.Attempt attempt) {
            if (timeout != null) {
                timeout.cancel(false);
            }
            if (result.isDone()) {
                return false;
            }
            request.release();
            result.complete(attempt);
            return true;
        }
    }

    /** The connections of one origin. */
    private final class Pool {
        private final Origin origin;
        private final ArrayDeque<Channel> idle = new ArrayDeque<>();
        private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
        private int open;

        Pool(Origin origin) {
            this.origin = origin;
        }

        void submit(Pending pending) {
            Channel channel;
            while ((channel = idle.pollLast()) != null) {
                if (channel.isActive()) {
                    dispatch(channel, pending);
                    return;
                }
            }
            if (open < maxPerOrigin) {
                connect(pending);
            } else {
                waiting.addLast(pending);
            }
        }

        /**
         * Opens a connection. A host name is looked up on a thread of its own, never on the event loop: the loop also
         * serves the emulator's REST API and every call, and a slow or failing DNS server would stall them all.
         */
        private void connect(Pending pending) {
            open++;
            String host = origin.address();
            if (NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host)) {
                connect(pending, new InetSocketAddress(NetUtil.createInetAddressFromIpAddressString(host),
                        origin.port()));
                return;
            }
            CompletableFuture.supplyAsync(() -> new InetSocketAddress(host, origin.port()), RESOLVER)
                    .whenComplete((address, error) -> loop.execute(() -> {
                        if (error != null || address.isUnresolved()) {
                            open--;
                            pending.complete(new WebhookClient.Attempt(0, null, new UnknownHostException(host)));
                            next();
                        } else {
                            connect(pending, address);
                        }
                    }));
        }

        private void connect(Pending pending, InetSocketAddress address) {
            ChannelFuture connecting = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel channel) throws SSLException {
                    if (origin.https()) {
                        channel.pipeline().addLast(sslContext().newHandler(channel.alloc(), origin.address(),
                                origin.port()));
                    }
                    channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_RESPONSE_BYTES),
                            new Exchange(Pool.this));
                }
            }).connect(address);
            connecting.addListener(done -> {
                if (done.isSuccess()) {
                    dispatch(connecting.channel(), pending);
                } else {
                    open--;
                    pending.complete(new WebhookClient.Attempt(0, null, done.cause()));
                    next();
                }
            });
        }

        private void dispatch(Channel channel, Pending pending) {
            channel.pipeline().get(Exchange.class).start(pending);
            pending.timeout = loop.schedule(() -> {
                if (pending.complete(new WebhookClient.Attempt(0, null,
                        new HttpTimeoutException("request timed out")))) {
                    channel.close();
                }
            }, requestTimeoutNanos, TimeUnit.NANOSECONDS);
            channel.writeAndFlush(pending.request.retainedDuplicate());
        }

        /** A connection is free again. */
        void release(Channel channel) {
            Pending next = waiting.pollFirst();
            if (next != null) {
                dispatch(channel, next);
            } else {
                idle.addLast(channel);
            }
        }

        /** A connection closed: start a waiting request on a new one, if any waits. */
        void closed(Channel channel) {
            open--;
            idle.remove(channel);
            next();
        }

        private void next() {
            if (!waiting.isEmpty() && open < maxPerOrigin) {
                connect(waiting.pollFirst());
            }
        }
    }

    /** The handler of one connection: at most one request in flight. */
    private static final class Exchange extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final Pool pool;
        private Pending inFlight;
        private Throwable failure;

        Exchange(Pool pool) {
            this.pool = pool;
        }

        void start(Pending pending) {
            this.inFlight = pending;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            Pending done = inFlight;
            inFlight = null;
            if (done != null) {
                done.complete(new WebhookClient.Attempt(response.status().code(),
                        response.content().toString(StandardCharsets.UTF_8), null, headersOf(response)));
            }
            if (HttpUtil.isKeepAlive(response) && ctx.channel().isActive() && !response.decoderResult().isFailure()) {
                pool.release(ctx.channel());
            } else {
                ctx.close();
            }
        }

        private static java.net.http.HttpHeaders headersOf(FullHttpResponse response) {
            Map<String, java.util.List<String>> byName = new HashMap<>();
            for (Map.Entry<String, String> header : response.headers()) {
                byName.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), name -> new java.util.ArrayList<>(1))
                        .add(header.getValue());
            }
            return java.net.http.HttpHeaders.of(byName, (name, value) -> true);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failure = cause;
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            Pending lost = inFlight;
            inFlight = null;
            pool.closed(ctx.channel());
            if (lost != null) {
                lost.complete(new WebhookClient.Attempt(0, null, failure != null ? failure
                        : new IOException("connection closed before a response")));
            }
            super.channelInactive(ctx);
        }
    }
}
