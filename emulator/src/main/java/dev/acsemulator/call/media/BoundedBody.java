package dev.acsemulator.call.media;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body gathered as it arrives, never read by a waiting thread: the bytes are copied out of each buffer the
 * HTTP client hands over, and the download is cancelled as soon as it passes {@code maxBytes} or when its owner
 * {@link #abandon abandons} it (a deadline passed). Completes with the whole body, or exceptionally with why not.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final long maxBytes;
    private final String what;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final IOException refusal;
    private volatile Flow.Subscription subscription;
    private byte[] bytes = new byte[0];
    private int length;

    private BoundedBody(long maxBytes, String what, IOException refusal) {
        this.maxBytes = maxBytes;
        this.what = what;
        this.refusal = refusal;
    }

    /** Gathers the body of {@code what} (the request, for messages), failing beyond {@code maxBytes}. */
    static BoundedBody upTo(long maxBytes, String what) {
        return new BoundedBody(maxBytes, what, null);
    }

    /** Reads nothing: cancels the body at once and fails with {@code why} (a status that is not 2xx, say). */
    static BoundedBody refusing(IOException why) {
        return new BoundedBody(0, "", why);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (refusal != null) {
            subscription.cancel();
            result.completeExceptionally(refusal);
            return;
        }
        if (result.isDone()) {
            subscription.cancel();
            return;
        }
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if ((long) length + buffer.remaining() > maxBytes) {
                fail(new IOException(what + " is larger than " + maxBytes + " bytes"));
                return;
            }
            if (length + buffer.remaining() > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes,
                        (int) Math.min(maxBytes, Math.max(2L * bytes.length, length + buffer.remaining())));
            }
            int chunk = buffer.remaining();
            buffer.get(bytes, length, chunk);
            length += chunk;
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length));
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    /** Stops the download where it is and fails the body with {@code why}; nothing when it already ended. */
    void abandon(IOException why) {
        fail(why);
    }

    private void fail(IOException why) {
        if (result.completeExceptionally(why)) {
            Flow.Subscription current = subscription;
            if (current != null) {
                current.cancel();
            }
        }
    }
}
