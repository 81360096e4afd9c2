package dev.acsemulator.benchmarks.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpObjectAggregator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Keep-alive HTTP/1.1 connections to one server, driven from a single event loop: one request in flight per
 * connection (no pipelining), and a FIFO of requests waiting for a free connection. Everything runs on {@link #loop},
 * so callers need no locks; latency is the caller's business (it knows each request's intended send time).
 */
final class LoadClient implements AutoCloseable {

    /** One request and what to do with its answer; called on the loop. */
    interface Exchange {
        byte[] encode();

        void completed(int status, ByteBuf body, long nowNanos);

        void failed(Throwable cause, long nowNanos);
    }

    final EventLoop loop;
    private final Bootstrap bootstrap;
    private final int port;
    private final List<Connection> connections = new ArrayList<>();
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();

    LoadClient(EventLoop loop, int port, int connectionCount) throws InterruptedException {
        this.loop = loop;
        this.port = port;
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        Connection connection = new Connection();
                        ch.pipeline().addLast(new HttpResponseDecoder(), new HttpObjectAggregator(1 << 20), connection);
                    }
                });
        for (int i = 0; i < connectionCount; i++) {
            Channel channel = bootstrap.connect("127.0.0.1", port).sync().channel();
            Connection connection = channel.pipeline().get(Connection.class);
            loop.submit(() -> {
                connections.add(connection);
                idle.add(connection);
            }).sync();
        }
    }

    /** Replaces a connection the server closed (an idle timeout, say), then gives it the next waiting request. */
    private void replace(Connection closed) {
        connections.remove(closed);
        idle.remove(closed);
        bootstrap.connect("127.0.0.1", port).addListener((io.netty.channel.ChannelFuture connected) -> {
            if (!connected.isSuccess()) {
                Exchange next = waiting.poll();
                if (next != null) {
                    next.failed(connected.cause(), System.nanoTime());
                }
                return;
            }
            Connection connection = connected.channel().pipeline().get(Connection.class);
            connection.channel = connected.channel();
            connections.add(connection);
            Exchange next = waiting.poll();
            if (next != null) {
                connection.send(next);
            } else {
                idle.add(connection);
            }
        });
    }

    /** A request's answer, whole: its status and body. */
    record Answer(int status, byte[] body) {
    }

    /**
     * Sends one ready request from any thread (it is submitted on the loop), outside a workload's measured path: the
     * future completes with the answer, or with the connection's failure.
     */
    java.util.concurrent.CompletableFuture<Answer> send(byte[] request) {
        java.util.concurrent.CompletableFuture<Answer> answer = new java.util.concurrent.CompletableFuture<>();
        loop.execute(() -> submit(new Exchange() {
            @Override
            public byte[] encode() {
                return request;
            }

            @Override
            public void completed(int status, ByteBuf body, long nowNanos) {
                byte[] bytes = new byte[body.readableBytes()];
                body.getBytes(body.readerIndex(), bytes);
                answer.complete(new Answer(status, bytes));
            }

            @Override
            public void failed(Throwable cause, long nowNanos) {
                answer.completeExceptionally(cause);
            }
        }));
        return answer;
    }

    /** Sends now if a connection is free, else queues. Call on the loop. */
    void submit(Exchange exchange) {
        Connection connection = idle.poll();
        if (connection == null) {
            waiting.add(exchange);
        } else {
            connection.send(exchange);
        }
    }

    /** Requests queued or in flight. Call on the loop. */
    int outstanding() {
        return waiting.size() + connections.size() - idle.size();
    }

    int liveConnections() {
        int live = 0;
        for (Connection connection : connections) {
            if (connection.channel != null && connection.channel.isActive()) {
                live++;
            }
        }
        return live;
    }

    private volatile boolean closing;

    @Override
    public void close() {
        closing = true;
        for (Connection connection : List.copyOf(connections)) {
            if (connection.channel != null) {
                connection.channel.close();
            }
        }
    }

    private final class Connection extends SimpleChannelInboundHandler<FullHttpResponse> {
        private Channel channel;
        private Exchange inFlight;

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            channel = ctx.channel();
            super.channelActive(ctx);
        }

        void send(Exchange exchange) {
            inFlight = exchange;
            if (!channel.isActive()) {
                inFlight = null;
                waiting.addFirst(exchange);
                return;
            }
            channel.writeAndFlush(Unpooled.wrappedBuffer(exchange.encode()))
                    .addListener(written -> {
                        if (!written.isSuccess()) {
                            channel.close();
                        }
                    });
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            finish(response, null);
        }

        private void finish(FullHttpResponse response, Throwable error) {
            Exchange done = inFlight;
            inFlight = null;
            long now = System.nanoTime();
            if (done != null) {
                try {
                    if (error != null) {
                        done.failed(error, now);
                    } else {
                        done.completed(response.status().code(), response.content(), now);
                    }
                } catch (RuntimeException e) {
                    done.failed(e, now);
                }
            }
            if (channel.isActive()) {
                Exchange next = waiting.poll();
                if (next != null) {
                    send(next);
                } else {
                    idle.add(this);
                }
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (inFlight != null) {
                finish(null, new IllegalStateException("connection closed"));
            }
            if (!closing) {
                replace(this);
            }
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
