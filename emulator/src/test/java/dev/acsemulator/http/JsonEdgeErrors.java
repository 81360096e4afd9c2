package dev.acsemulator.http;

import java.time.Duration;

/** Edge errors for tests of the HTTP layer alone: each a JSON body naming the error, as the catalogue's are. */
final class JsonEdgeErrors implements RequestHandler.EdgeErrors {

    /** 1 MiB bodies and timeouts long enough never to strike in a test that is not about them. */
    static HttpLimits limits() {
        return new HttpLimits(1 << 20, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(4));
    }

    private static HttpResponseMessage error(int status, String code, String message) {
        return HttpResponseMessage.json(status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message
                + "\"}}");
    }

    @Override
    public HttpResponseMessage payloadTooLarge(long limitBytes) {
        return error(413, "RequestEntityTooLarge", "over " + limitBytes);
    }

    @Override
    public HttpResponseMessage malformedRequest(String reason) {
        return error(400, "BadRequest", reason);
    }

    @Override
    public HttpResponseMessage expectationFailed(String expectation) {
        return error(417, "ExpectationFailed", expectation);
    }

    @Override
    public HttpResponseMessage headersTooLarge(int limitBytes) {
        return error(431, "RequestHeaderFieldsTooLarge", "over " + limitBytes);
    }

    @Override
    public HttpResponseMessage requestLineTooLong(int limitBytes) {
        return error(414, "RequestUriTooLong", "over " + limitBytes);
    }

    @Override
    public HttpResponseMessage requestTimeout(String part, Duration limit) {
        return error(408, "RequestTimeout", part + " after " + limit.toMillis() + " ms");
    }

    @Override
    public HttpResponseMessage internalError(String requestId) {
        return error(500, "InternalServerError", "bug");
    }
}
