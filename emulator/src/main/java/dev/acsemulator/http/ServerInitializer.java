package dev.acsemulator.http;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.ssl.SslContext;

/**
 * The protocol stack: TLS (when configured), request timeouts (around the codec), HTTP/1.1, keep-alive, body
 * aggregation, dispatch.
 */
final class ServerInitializer extends ChannelInitializer<SocketChannel> {

    private final SslContext sslContext;
    private final String scheme;
    private final RequestHandler handler;
    private final RequestHandler.EdgeErrors edgeErrors;
    private final HttpLimits limits;

    ServerInitializer(SslContext sslContext, String scheme, RequestHandler handler,
                      RequestHandler.EdgeErrors edgeErrors, HttpLimits limits) {
        this.sslContext = sslContext;
        this.scheme = scheme;
        this.handler = handler;
        this.edgeErrors = edgeErrors;
        this.limits = limits;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        if (sslContext != null) {
            pipeline.addLast(sslContext.newHandler(channel.alloc()));
        }
        RequestTimeouts timeouts = new RequestTimeouts(limits, edgeErrors);
        pipeline.addLast(timeouts.bytes());
        pipeline.addLast(new HttpServerCodec(EdgeRefusals.decoderConfig()));
        pipeline.addLast(timeouts.messages());
        pipeline.addLast(new HttpServerKeepAliveHandler());
        pipeline.addLast(new BoundedBodyAggregator(limits.maxBodyBytes(), edgeErrors));
        pipeline.addLast(new DispatchHandler(handler, edgeErrors, scheme));
    }
}
