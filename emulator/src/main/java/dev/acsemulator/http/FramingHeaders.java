package dev.acsemulator.http;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;

/**
 * Request headers that remember whether the request was framed both by {@code Content-Length} and by
 * {@code Transfer-Encoding: chunked}. Netty's decoder resolves that conflict by dropping {@code Content-Length}
 * and reading chunks, which lets a second request hide in the body; RFC 9112 section 6.1 lets a server refuse such a
 * request instead, and the emulator does (DispatchHandler answers 400 and closes the connection).
 */
final class FramingHeaders extends DefaultHttpHeaders {

    /** Makes the decoder's request headers of this kind; trailers stay plain. */
    static final HttpHeadersFactory FACTORY = new HttpHeadersFactory() {
        @Override
        public HttpHeaders newHeaders() {
            return new FramingHeaders();
        }

        @Override
        public HttpHeaders newEmptyHeaders() {
            return new FramingHeaders();
        }
    };

    private boolean lengthAndChunked;

    /** Whether the request carried both framings (the decoder then removed Content-Length). */
    static boolean framedTwice(HttpHeaders headers) {
        return headers instanceof FramingHeaders framing && framing.lengthAndChunked;
    }

    @Override
    public HttpHeaders remove(CharSequence name) {
        noteConflict(name);
        return super.remove(name);
    }

    @Override
    public HttpHeaders remove(String name) {
        noteConflict(name);
        return super.remove(name);
    }

    private void noteConflict(CharSequence name) {
        if (HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name) && contains(HttpHeaderNames.TRANSFER_ENCODING)
                && contains(HttpHeaderNames.CONTENT_LENGTH)) {
            lengthAndChunked = true;
        }
    }
}
