package dev.acsemulator.http;

import java.util.concurrent.CompletionStage;

/** The one thing the HTTP edge calls. It must not block: the result completes when the work is done. */
@FunctionalInterface
public interface RequestHandler {

    CompletionStage<HttpResponseMessage> handle(HttpRequestMessage request);

    /** Answers for requests the edge itself refuses (a body over the limit, a malformed request line). */
    interface EdgeErrors {
        HttpResponseMessage payloadTooLarge(long limitBytes);

        HttpResponseMessage malformedRequest(String reason);

        HttpResponseMessage internalError(String requestId);
    }
}
