package dev.acsemulator.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.util.ReferenceCountUtil;

/**
 * Aggregates request bodies up to a limit. A larger body gets the service's JSON 413 at once; the rest of it is read
 * and discarded (closing while the client still sends would reset the connection before it reads the answer), and
 * the connection stays usable. {@code Expect: 100-continue} is answered 100 within the limit and with the JSON 413
 * beyond it; any other expectation gets a JSON 417 (RFC 9110 section 10.1.1), and the body is not read.
 */
final class BoundedBodyAggregator extends HttpObjectAggregator {

    /** The most of an unmet {@code Expect} header repeated in the 417's message. */
    private static final int MAX_EXPECTATION_CHARS = 64;

    private final RequestHandler.EdgeErrors edgeErrors;

    BoundedBodyAggregator(int maxBodyBytes, RequestHandler.EdgeErrors edgeErrors) {
        super(maxBodyBytes);
        this.edgeErrors = edgeErrors;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        ctx.writeAndFlush(EdgeRefusals.toNetty(edgeErrors.payloadTooLarge(maxContentLength())))
                .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        String expectation = String.valueOf(start.headers().get(HttpHeaderNames.EXPECT)); // super removes it
        Object standard = super.newContinueResponse(start, maxContentLength, pipeline);
        if (!(standard instanceof FullHttpResponse refusal) || refusal.status().code() < 400) {
            return standard;
        }
        int status = refusal.status().code();
        ReferenceCountUtil.release(standard);
        if (status == 417) {
            return EdgeRefusals.toNetty(edgeErrors.expectationFailed(
                    BoundedText.of(expectation, MAX_EXPECTATION_CHARS)));
        }
        return EdgeRefusals.toNetty(edgeErrors.payloadTooLarge(maxContentLength));
    }
}
