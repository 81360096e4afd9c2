package dev.acsemulator.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The HTTP(S) listeners. Everything Netty stays behind this class: callers give a {@link RequestHandler} and get
 * bound ports back.
 */
public final class HttpServer implements AutoCloseable {

    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    private final List<Channel> listeners = new CopyOnWriteArrayList<>();

    /** Connections are served on {@code loops}, which the caller owns; only the accepting thread is the server's. */
    public HttpServer(IoLoops loops) {
        this.bossGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        this.workerGroup = loops.group();
    }

    /** Binds a listener; {@code sslContext} null means plain HTTP. Returns the bound port (useful with port 0). */
    public int listen(String host, int port, SslContext sslContext, RequestHandler handler,
                      RequestHandler.EdgeErrors edgeErrors, HttpLimits limits) throws InterruptedException {
        String scheme = sslContext == null ? "http" : "https";
        Channel channel = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ServerInitializer(sslContext, scheme, handler, edgeErrors, limits))
                .bind(host, port)
                .sync()
                .channel();
        listeners.add(channel);
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Unbinds every listener; returns once they are closed and the accepting thread has ended. */
    @Override
    public void close() {
        for (Channel listener : listeners) {
            listener.close().awaitUninterruptibly();
        }
        bossGroup.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly(5,
                java.util.concurrent.TimeUnit.SECONDS);
    }
}
