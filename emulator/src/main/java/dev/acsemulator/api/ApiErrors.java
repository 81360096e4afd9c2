package dev.acsemulator.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.call.CallActionException;
import dev.acsemulator.http.HttpResponseMessage;

import java.util.Map;

/**
 * The error catalogue. Codes and messages follow what the service was observed to answer (codes are the service's
 * subcodes as strings: {@code 404 "8522" "Call not found."}, {@code 400 "8501" "Action is invalid when call is not in
 * Established state"}, {@code 400 "8523" "Invalid request..."}, {@code 401 "Denied"}); where no observation exists
 * the choice is listed in openapi/DEVIATIONS.md.
 */
public final class ApiErrors {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ApiErrors() {
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "Denied", "Denied by the resource provider. " + detail);
    }

    public static ApiException missingApiVersion() {
        return new ApiException(400, "MissingApiVersionParameter",
                "The api-version query parameter (?api-version=) is required for all requests.");
    }

    public static ApiException invalidApiVersion(String version) {
        return new ApiException(400, "InvalidApiVersionParameter",
                "The api-version '" + version + "' is invalid. The supported versions are of the form YYYY-MM-DD "
                        + "or YYYY-MM-DD-preview.");
    }

    public static ApiException unsupportedApiVersion(String path, String version) {
        return new ApiException(400, "UnsupportedApiVersion", "The HTTP resource that matches the request URI '"
                + path + "' does not support the API version '" + version + "'.");
    }

    /**
     * An unmatched route. The service names the absolute request URI, query included, and gives no code
     * (Azure/azure-sdk-for-python#38974); the emulator gives the code {@code NotFound} (openapi/DEVIATIONS.md 6).
     */
    public static ApiException noSuchResource(String uri) {
        return new ApiException(404, "NotFound", "No HTTP resource was found that matches the request URI '"
                + uri + "'.");
    }

    /**
     * A recording file that was deleted, has expired or never existed (side-channels.md C2). The storage answers it
     * with an empty 404 (StorageRefusals), as the service's storage does: this message is not sent.
     */
    public static ApiException recordingFileNotFound(String documentId) {
        return new ApiException(404, "NotFound", "No recording file " + documentId
                + " (deleted, expired or never made).");
    }

    public static ApiException methodNotAllowed(String method, String path) {
        return new ApiException(405, "MethodNotAllowed", "The requested resource '" + path
                + "' does not support http method '" + method + "'.");
    }

    public static ApiException notImplemented(String operationId) {
        return new ApiException(501, "NotImplemented", "The emulator does not implement " + operationId
                + " yet. See openapi/DEVIATIONS.md.");
    }

    /**
     * A request option whose effect the emulator does not build (media streaming, transcription, a Teams app source,
     * loopback audio): refused like an unbuilt operation rather than answered with a success that keeps none of the
     * option's promises (openapi/DEVIATIONS.md 26).
     */
    public static ApiException optionNotImplemented(String operationId, String option) {
        return new ApiException(501, "NotImplemented", "The emulator does not implement the " + operationId
                + " option '" + option + "' yet. See openapi/DEVIATIONS.md.");
    }

    public static ApiException invalidRequest(String detail) {
        return new ApiException(400, "8523", "Invalid request, " + detail);
    }

    /**
     * A media streaming or transcription transport URL that is not an absolute {@code ws}/{@code wss} URL: 400/8581
     * (Microsoft Learn, real-time transcription troubleshooting: "StreamUrl isn't valid").
     */
    public static ApiException invalidTransportUrl(String field, String url) {
        return new ApiException(400, "8581", "StreamUrl isn't valid: " + field + " '" + url
                + "' must be an absolute ws:// or wss:// URL.");
    }

    /**
     * A call to a phone number whose {@code sourceCallerIdNumber} the resource does not own: 403 {@code 7507}
     * (call-automation-behaviour.md §7, other constraints). The service's own message was not observed, so the
     * message says what is wrong (openapi/DEVIATIONS.md 27).
     */
    public static ApiException callerIdNotOwned(String phoneNumber) {
        return new ApiException(403, "7507", "The source caller id " + phoneNumber
                + " is not a phone number owned by this Communication Services resource.");
    }

    public static ApiException invalidCallbackUri() {
        return new ApiException(400, "400", "The field CallbackUri is invalid.");
    }

    public static ApiException payloadTooLarge(long limit) {
        return new ApiException(413, "RequestEntityTooLarge",
                "The request body is larger than the limit of " + limit + " bytes.");
    }

    /** An {@code Expect} other than {@code 100-continue} (RFC 9110 section 10.1.1). */
    public static ApiException expectationFailed(String expectation) {
        return new ApiException(417, "ExpectationFailed", "The expectation '" + expectation
                + "' cannot be met; only 'Expect: 100-continue' is supported.");
    }

    /** The request's header section is over the limit (RFC 6585 section 5). */
    public static ApiException headersTooLarge(int limitBytes) {
        return new ApiException(431, "RequestHeaderFieldsTooLarge",
                "The request's headers are larger than the limit of " + limitBytes + " bytes.");
    }

    /** The request line (method, target, version) is over the limit (RFC 9112 section 3). */
    public static ApiException requestLineTooLong(int limitBytes) {
        return new ApiException(414, "RequestUriTooLong",
                "The request line is longer than the limit of " + limitBytes + " bytes.");
    }

    /** The client took longer than the server waits to send a request's headers or body (RFC 9110 section 15.5.9). */
    public static ApiException requestTimeout(String part, java.time.Duration limit) {
        return new ApiException(408, "RequestTimeout", "The request's " + part + " did not arrive within "
                + limit.toMillis() + " ms; the connection is closed.");
    }

    public static ApiException malformedRequest(String reason) {
        return new ApiException(400, "BadRequest", "The HTTP request is malformed: " + reason);
    }

    public static ApiException repeatabilityRejected(String detail) {
        return new ApiException(400, "InvalidRepeatabilityHeader", detail, Map.of("Repeatability-Result", "rejected"));
    }

    public static ApiException repeatabilityExpired() {
        return new ApiException(412, "RepeatabilityExpired",
                "Repeatability-First-Sent is more than 5 minutes in the past; the request can no longer be repeated.",
                Map.of("Repeatability-Result", "rejected"));
    }

    /** Control API: a request that names nothing that exists. */
    public static ApiException adminNotFound(String message) {
        return new ApiException(404, "NotFound", message);
    }

    /** Control API: a malformed or impossible request. */
    public static ApiException adminBadRequest(String message) {
        return new ApiException(400, "BadRequest", message);
    }

    /** Control API: what is named exists but is not in a state that allows the action. */
    public static ApiException adminConflict(String message) {
        return new ApiException(409, "Conflict", message);
    }

    /** Control API: the configured admin token is missing or wrong. */
    public static ApiException adminUnauthorized() {
        return new ApiException(401, "Unauthorized",
                "The control API needs 'Authorization: Bearer <adminToken>' on this emulator.");
    }

    public static ApiException internalError() {
        return new ApiException(500, "InternalServerError", "The emulator failed unexpectedly; this is a bug.");
    }

    /** Maps the domain's refusals (call-automation-behaviour.md §4 subcodes). */
    public static ApiException fromDomain(CallActionException e) {
        return switch (e.error()) {
            case CALL_CONNECTION_NOT_FOUND, CALL_TERMINATED -> new ApiException(404, "8522", "Call not found.");
            case PARTICIPANT_NOT_FOUND -> new ApiException(404, "8522", "Participant not found.");
            case CALL_NOT_ESTABLISHED -> new ApiException(400, "8501",
                    "Action is invalid when call is not in Established state");
            case INCOMING_CALL_NOT_FOUND -> new ApiException(400, "8523", "Incoming Call Context is invalid");
            case INCOMING_CALL_NOT_RINGING, PARTICIPANT_ALREADY_IN_CALL, INVALID_REQUEST ->
                    new ApiException(400, "8523", "Invalid request, " + e.getMessage());
            case ACTION_NOT_VALID_IN_STATE -> new ApiException(409, "8607", e.getMessage());
            case NOT_SUPPORTED -> new ApiException(405, "8520", "Functionality not supported. " + e.getMessage());
            case MEDIA_PRECONDITION_FAILED -> new ApiException(412, "8583", "Precondition Failed. " + e.getMessage());
            case MEDIA_CONFLICT -> new ApiException(409, "8519", "Conflict. " + e.getMessage());
            case RECORDING_NOT_FOUND -> new ApiException(404, "8522", "Recording not found. " + e.getMessage());
            case RECORDING_ALREADY_RUNNING -> new ApiException(400, "8553", e.getMessage());
            case RECORDING_STOPPED -> new ApiException(400, "8573",
                    "Pause/resume recording is not allowed. " + e.getMessage());
            case AI_SERVICES_NOT_LINKED -> new ApiException(405, "8522",
                    "Request not allowed when Cognitive Service Configuration not set during call setup. "
                            + e.getMessage());
            case TRANSCRIPTION_ALREADY_RUNNING, TRANSCRIPTION_NOT_RUNNING -> new ApiException(400, "8585",
                    "Action is not valid in the current state. " + e.getMessage());
            case STREAM_URL_INVALID -> new ApiException(400, "8581", "StreamUrl isn't valid. " + e.getMessage());
            // Only the control API acts on invitations by id; it answers these in its own format (AdminApi).
            case INVITATION_NOT_FOUND -> new ApiException(404, "8522", "Invitation not found. " + e.getMessage());
            case INVITATION_NOT_AWAITING_PERSON -> new ApiException(409, "8607", e.getMessage());
        };
    }

    public static HttpResponseMessage render(ApiException e) {
        ObjectNode body = MAPPER.createObjectNode();
        body.putObject("error").put("code", e.code()).put("message", e.getMessage());
        HttpResponseMessage response = HttpResponseMessage.json(e.status(), body.toString());
        for (Map.Entry<String, String> header : e.headers().entrySet()) {
            response = response.withHeader(header.getKey(), header.getValue());
        }
        return response;
    }
}
