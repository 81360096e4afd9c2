package dev.acsemulator.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Aggregates request bodies up to a limit. A larger body gets the service's JSON 413 at once; the rest of it is read
 * and discarded (closing while the client still sends would reset the connection before it reads the answer), and
 * the connection stays usable.
 */
final class BoundedBodyAggregator extends HttpObjectAggregator {

    private final RequestHandler.EdgeErrors edgeErrors;

    BoundedBodyAggregator(int maxBodyBytes, RequestHandler.EdgeErrors edgeErrors) {
        super(maxBodyBytes);
        this.edgeErrors = edgeErrors;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        HttpResponseMessage error = edgeErrors.payloadTooLarge(maxContentLength());
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(error.status()), Unpooled.wrappedBuffer(error.body()));
        error.headers().forEach((name, value) -> response.headers().set(name, value));
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, error.body().length);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }
}
