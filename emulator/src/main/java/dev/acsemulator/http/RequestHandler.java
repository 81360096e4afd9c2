package dev.acsemulator.http;

import java.util.concurrent.CompletionStage;

/** The one thing the HTTP edge calls. It must not block: the result completes when the work is done. */
@FunctionalInterface
public interface RequestHandler {

    CompletionStage<HttpResponseMessage> handle(HttpRequestMessage request);

    /** Answers for requests the edge itself refuses (a body over the limit, a malformed request line, oversized headers, an unmet {@code Expect}), each with a JSON error body. */
    interface EdgeErrors {
        HttpResponseMessage payloadTooLarge(long limitBytes);

        HttpResponseMessage malformedRequest(String reason);

        /** 417: an {@code Expect} the server cannot meet (anything but {@code 100-continue}). */
        HttpResponseMessage expectationFailed(String expectation);

        /** 431: the header section is larger than the decoder accepts. */
        HttpResponseMessage headersTooLarge(int limitBytes);

        /** 414: the request line is longer than the decoder accepts. */
        HttpResponseMessage requestLineTooLong(int limitBytes);

        /** 408: the request's {@code part} (headers or body) did not arrive within {@code limit}. */
        HttpResponseMessage requestTimeout(String part, java.time.Duration limit);

        HttpResponseMessage internalError(String requestId);
    }
}
