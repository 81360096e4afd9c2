package dev.acsemulator.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;

/**
 * What the edge answers for a request it cannot read: the decoder's limits, and the error for each way a request can
 * fail to decode. Messages say what was wrong in words and bounded length; they never carry an exception's class name.
 */
final class EdgeRefusals {

    /** The longest request line accepted (method, target and version): Netty's default. */
    static final int MAX_REQUEST_LINE_BYTES = 4096;
    /** The largest header section accepted: Netty's default. */
    static final int MAX_HEADER_BYTES = 8192;
    /** The most of a decoder's own message repeated in an answer. */
    private static final int MAX_REASON_CHARS = 200;

    private EdgeRefusals() {
    }

    static HttpDecoderConfig decoderConfig() {
        return new HttpDecoderConfig().setHeadersFactory(FramingHeaders.FACTORY)
                .setMaxInitialLineLength(MAX_REQUEST_LINE_BYTES).setMaxHeaderSize(MAX_HEADER_BYTES);
    }

    /** The answer to a request the decoder failed on: 414, 431 or 400. */
    static HttpResponseMessage forDecoderFailure(Throwable cause, RequestHandler.EdgeErrors errors) {
        if (cause instanceof TooLongHttpHeaderException) {
            return errors.headersTooLarge(MAX_HEADER_BYTES);
        }
        if (cause instanceof TooLongHttpLineException) {
            return errors.requestLineTooLong(MAX_REQUEST_LINE_BYTES);
        }
        if (cause instanceof TooLongFrameException) {
            return errors.headersTooLarge(MAX_HEADER_BYTES);
        }
        return errors.malformedRequest(reason(cause));
    }

    /** The decoder's message, printable and bounded, or a plain description when it has none. */
    static String reason(Throwable cause) {
        String message = cause == null ? null : cause.getMessage();
        if (message == null || message.isBlank()) {
            return "the request could not be read as HTTP/1.1.";
        }
        return BoundedText.of(message, MAX_REASON_CHARS);
    }

    /** A Netty response carrying an edge error, framed by Content-Length. */
    static FullHttpResponse toNetty(HttpResponseMessage message) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(message.status()), Unpooled.wrappedBuffer(message.body()));
        message.headers().forEach((name, value) -> response.headers().set(name, value));
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, message.body().length);
        return response;
    }
}
