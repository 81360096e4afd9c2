package dev.acsemulator.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * POSTs JSON to applications' webhooks on a pooled, non-blocking HTTP/1.1 client. {@code https} targets are verified
 * against the JDK trust store, as a real service's would be against public CAs.
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

    private final HttpClient client;
    private final Duration requestTimeout;

    public WebhookClient(Executor executor, Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        this.requestTimeout = requestTimeout;
    }

    public CompletableFuture<Attempt> post(URI uri, Map<String, String> headers, byte[] body) {
        return post(uri, headers, body, "application/json; charset=utf-8");
    }

    public CompletableFuture<Attempt> post(URI uri, Map<String, String> headers, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** An HTTP OPTIONS request (the CloudEvents abuse-protection handshake). */
    public CompletableFuture<Attempt> options(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return send(request.build());
    }

    private CompletableFuture<Attempt> send(HttpRequest request) {
        try {
            return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .handle((response, error) -> error != null ? new Attempt(0, null, error)
                            : new Attempt(response.statusCode(), response.body(), null, response.headers()));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Attempt(0, null, e));
        }
    }
}
