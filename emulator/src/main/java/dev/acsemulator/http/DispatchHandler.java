package dev.acsemulator.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Turns each aggregated request into an {@link HttpRequestMessage}, calls the handler, writes its answer. */
final class DispatchHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchHandler.class);

    private final RequestHandler handler;
    private final RequestHandler.EdgeErrors edgeErrors;
    private final String scheme;
    private final ResponseSequencer order = new ResponseSequencer();
    /** Set once the connection is to close: requests still in its buffer (pipelined after it) are not served. */
    private boolean closing;

    DispatchHandler(RequestHandler handler, RequestHandler.EdgeErrors edgeErrors, String scheme) {
        this.handler = handler;
        this.edgeErrors = edgeErrors;
        this.scheme = scheme;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (closing) {
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        closing = !keepAlive;
        long sequence = order.arrived();
        if (request.decoderResult().isFailure()) {
            closing = true;
            write(ctx, sequence, EdgeRefusals.forDecoderFailure(request.decoderResult().cause(), edgeErrors), false,
                    new CompletableFuture<>());
            return;
        }
        if (FramingHeaders.framedTwice(request.headers())) {
            closing = true;
            write(ctx, sequence, edgeErrors.malformedRequest("A request may not carry both Content-Length and "
                    + "Transfer-Encoding."), false, new CompletableFuture<>());
            return;
        }
        Map<String, String> headers = new HashMap<>(32); // an SDK request carries 10-16 headers: never resized
        request.headers().forEach(entry -> headers.putIfAbsent(entry.getKey().toLowerCase(java.util.Locale.ROOT),
                entry.getValue()));
        int localPort = ((InetSocketAddress) ctx.channel().localAddress()).getPort();
        CompletableFuture<Void> written = new CompletableFuture<>();
        HttpRequestMessage message = new HttpRequestMessage(request.method().name(), request.uri(), headers,
                ByteBufUtil.getBytes(request.content()), scheme, localPort, written);
        try {
            handler.handle(message).whenComplete((response, error) -> {
                if (error != null) {
                    LOG.error("Unhandled failure serving {} {}", message.method(), message.rawTarget(), error);
                    write(ctx, sequence, edgeErrors.internalError(headers.get("x-ms-client-request-id")), keepAlive,
                            written);
                } else {
                    write(ctx, sequence, response, keepAlive, written);
                }
            });
        } catch (RuntimeException e) {
            LOG.error("Unhandled failure serving {} {}", message.method(), message.rawTarget(), e);
            write(ctx, sequence, edgeErrors.internalError(headers.get("x-ms-client-request-id")), keepAlive, written);
        }
    }

    /**
     * Writes the answer to request {@code sequence} once every earlier request of the connection is answered;
     * {@code written} completes once it is on the wire, or the connection is closed instead.
     */
    private void write(ChannelHandlerContext ctx, long sequence, HttpResponseMessage message, boolean keepAlive,
                       CompletableFuture<Void> written) {
        Runnable write = message.stream() != null ? () -> writeStream(ctx, message, written)
                : message.disposition() == HttpResponseMessage.Disposition.RESPOND
                ? () -> writeNow(ctx, response(message, keepAlive), keepAlive, written) : () -> {
                    if (message.disposition() == HttpResponseMessage.Disposition.RESET) {
                        ctx.channel().config().setOption(io.netty.channel.ChannelOption.SO_LINGER, 0);
                    }
                    ctx.close().addListener(closed -> written.complete(null));
                };
        if (ctx.executor().inEventLoop()) {
            order.completed(sequence, write);
        } else {
            ctx.executor().execute(() -> order.completed(sequence, write));
        }
    }

    private static FullHttpResponse response(HttpResponseMessage message, boolean keepAlive) {
        FullHttpResponse response = EdgeRefusals.toNetty(message);
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, "close");
        }
        return response;
    }

    private static void writeNow(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive,
                                 CompletableFuture<Void> written) {
        var future = ctx.writeAndFlush(response);
        future.addListener(done -> written.complete(null));
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /**
     * Writes a streaming answer's headers (chunked) and hands its body to the stream. The connection then belongs to
     * the stream: requests pipelined after it are not served, and it closes when the stream ends.
     */
    private void writeStream(ChannelHandlerContext ctx, HttpResponseMessage message, CompletableFuture<Void> written) {
        closing = true;
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(message.status()));
        message.headers().forEach((name, value) -> head.headers().set(name, value));
        HttpUtil.setTransferEncodingChunked(head, true);
        head.headers().set(HttpHeaderNames.CONNECTION, "close");
        ctx.writeAndFlush(head).addListener(done -> {
            written.complete(null);
            if (done.isSuccess()) {
                message.stream().opened(new ChannelStreamSink(ctx.channel()));
            }
        });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("Closing connection from {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
