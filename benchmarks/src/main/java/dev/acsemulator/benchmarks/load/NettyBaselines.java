package dev.acsemulator.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The reference servers: the least a Netty HTTP/1.1 server can do for each scenario, with the same pipeline shape
 * as the emulator (codec, keep-alive, aggregator, one handler) and no Call Automation semantics at all.
 */
final class NettyBaselines implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] CREATED = ("{\"callConnectionId\":\"411f0b00-aaaa-bbbb-cccc-000000000001\","
            + "\"callConnectionState\":\"connecting\"}").getBytes(StandardCharsets.UTF_8);

    private final EventLoopGroup group;
    private final Channel channel;

    private NettyBaselines(SslContext ssl, int port, Function<FullHttpRequest, FullHttpResponse> answer)
            throws InterruptedException {
        this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        this.channel = listen(group, ssl, port, new Handler(answer));
    }

    /**
     * A loopback HTTP/1.1 listener on {@code group} with the emulator's pipeline shape: TLS when given, codec,
     * keep-alive, aggregator, then {@code handler} (which must be sharable).
     */
    static Channel listen(EventLoopGroup group, SslContext ssl, int port, ChannelHandler handler)
            throws InterruptedException {
        return new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (ssl != null) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpServerKeepAliveHandler(),
                                new HttpObjectAggregator(1 << 20), handler);
                    }
                })
                .bind("127.0.0.1", port).sync().channel();
    }

    /** Any request: 200 with a fixed JSON body (the emulator's own GetCall answer, captured in the same run). */
    static NettyBaselines fixedJson(byte[] body) throws InterruptedException {
        return new NettyBaselines(null, 0, request -> json(HttpResponseStatus.OK, body));
    }

    /** A POST whose JSON body is parsed into a tree (as the emulator does), answered 201 with a small JSON body. */
    static NettyBaselines jsonPost() throws InterruptedException {
        return new NettyBaselines(null, 0, request -> {
            try (ByteBufInputStream in = new ByteBufInputStream(request.content())) {
                JsonNode body = MAPPER.readTree((java.io.InputStream) in);
                if (body == null || !body.isObject()) {
                    return json(HttpResponseStatus.BAD_REQUEST, "{}".getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                return json(HttpResponseStatus.BAD_REQUEST, "{}".getBytes(StandardCharsets.UTF_8));
            }
            return json(HttpResponseStatus.CREATED, CREATED);
        });
    }

    /** Any request: 200 with {@code wav}, the audio file the lifecycle-with-play workload has the emulator play. */
    static NettyBaselines audioFile(byte[] wav) throws InterruptedException {
        return new NettyBaselines(null, 0, request -> {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.wrappedBuffer(wav));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "audio/wav");
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, wav.length);
            return response;
        });
    }

    /** The startup baseline: HTTPS with the emulator's certificate and key (PEM files in its data dir). */
    static NettyBaselines bareHttps(Path dataDir, int port) throws Exception {
        SslContext ssl = SslContextBuilder.forServer(dataDir.resolve("emulator-cert.pem").toFile(),
                        dataDir.resolve("emulator-key.pem").toFile())
                .sslProvider(SslProvider.JDK).protocols("TLSv1.3", "TLSv1.2").build();
        byte[] healthy = "{\"status\":\"healthy\"}".getBytes(StandardCharsets.UTF_8);
        return new NettyBaselines(ssl, port, request -> json(HttpResponseStatus.OK, healthy));
    }

    int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static FullHttpResponse json(HttpResponseStatus status, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }

    @ChannelHandler.Sharable
    private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final Function<FullHttpRequest, FullHttpResponse> answer;

        Handler(Function<FullHttpRequest, FullHttpResponse> answer) {
            this.answer = answer;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            ctx.writeAndFlush(answer.apply(request));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
