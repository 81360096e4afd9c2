package dev.acsemulator.delivery;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import dev.acsemulator.http.IoLoops;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * POSTs JSON to applications' webhooks on pooled, keep-alive, non-blocking HTTP/1.1 connections (Netty, one shared
 * event loop). {@code https} targets are verified against the JDK trust store, host name included, as a real
 * service's would be against public CAs. Redirects are not followed. Results complete on the client's event loop, so
 * callers must not block in their continuations.
 *
 * <p>Replaces the JDK {@code HttpClient}: on a one-CPU machine (a pinned container, a small CI runner) its
 * {@code sendAsync} hands every completion to a new thread (the common pool has no parallelism there), which cost
 * more than the POST itself.
 */
public final class WebhookClient {

    /** The outcome of one POST: a status, or the transport error that prevented one. */
    public record Attempt(int status, String body, Throwable error, java.net.http.HttpHeaders headers) {
        public Attempt(int status, String body, Throwable error) {
            this(status, body, error, null);
        }

        public boolean succeeded() {
            return error == null && status >= 200 && status < 300;
        }

        /** A response header's first value, if there was a response. */
        public String header(String name) {
            return headers == null ? null : headers.firstValue(name).orElse(null);
        }
    }

    private static final int MAX_CONNECTIONS_PER_ORIGIN = 64;

    private final WebhookConnections connections;

    /**
     * @param loops          the event loops to run on (one is taken for every connection and pool)
     * @param connectTimeout how long a TCP (and TLS) connection may take to open
     * @param requestTimeout how long a response may take once the request is sent
     */
    public WebhookClient(IoLoops loops, Duration connectTimeout, Duration requestTimeout) {
        this.connections = new WebhookConnections(loops.group(), connectTimeout, requestTimeout,
                MAX_CONNECTIONS_PER_ORIGIN);
    }

    public CompletableFuture<Attempt> post(URI uri, Map<String, String> headers, byte[] body) {
        return post(uri, headers, body, "application/json; charset=utf-8");
    }

    public CompletableFuture<Attempt> post(URI uri, Map<String, String> headers, byte[] body, String contentType) {
        return send(HttpMethod.POST, uri, headers, body, contentType);
    }

    /** An HTTP OPTIONS request (the CloudEvents abuse-protection handshake). */
    public CompletableFuture<Attempt> options(URI uri, Map<String, String> headers) {
        return send(HttpMethod.OPTIONS, uri, headers, null, null);
    }

    private CompletableFuture<Attempt> send(HttpMethod method, URI uri, Map<String, String> headers, byte[] body,
                                            String contentType) {
        WebhookConnections.Origin origin;
        try {
            origin = WebhookConnections.Origin.of(uri);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Attempt(0, null, e));
        }
        String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            target += "?" + uri.getRawQuery();
        }
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, target,
                body == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        request.headers().set(HttpHeaderNames.HOST, origin.hostHeader());
        if (contentType != null) {
            request.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        request.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body == null ? 0 : body.length);
        headers.forEach((name, value) -> request.headers().set(name.toLowerCase(Locale.ROOT), value));
        return connections.exchange(origin, request);
    }
}
