package dev.acsemulator.api.content;

import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.api.ApiException;
import dev.acsemulator.api.RequestTarget;
import dev.acsemulator.api.auth.Authenticator;
import dev.acsemulator.call.recording.RangedBytes;
import dev.acsemulator.call.recording.RecordingFile;
import dev.acsemulator.call.recording.RecordingStore;
import dev.acsemulator.http.HttpRequestMessage;
import dev.acsemulator.http.HttpResponseMessage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recording storage the SDKs download from and delete in (side-channels.md C2): {@code GET
 * /v1/objects/<documentId>/content/audio} (the WAV or MP3; {@code .../content/video} for an MP4), {@code GET
 * .../content/acsmetadata} (the metadata JSON), both whole or by {@code Range} (206 with {@code Content-Range}),
 * and {@code DELETE /v1/objects/<documentId>} (200, then 404). Signed as the Call Automation API is, with the
 * resource's HMAC key or a bearer token; refused as the storage refuses ({@link StorageRefusals}).
 */
public final class RecordingContentApi {

    public static final String PREFIX = "/v1/objects/";
    private static final Pattern CONTENT = Pattern.compile("/v1/objects/([^/]+)/content/(audio|video|acsmetadata)");
    private static final Pattern OBJECT = Pattern.compile("/v1/objects/([^/]+)");

    private final RecordingStore store;
    private final Authenticator authenticator;

    public RecordingContentApi(RecordingStore store, Authenticator authenticator) {
        this.store = store;
        this.authenticator = authenticator;
    }

    public CompletableFuture<HttpResponseMessage> handle(HttpRequestMessage request, RequestTarget target) {
        try {
            authenticator.authenticate(signedFor(request));
            return answer(request, target.rawPath()).exceptionally(RecordingContentApi::refusal);
        } catch (ApiException e) {
            return CompletableFuture.completedFuture(StorageRefusals.render(e));
        }
    }

    /**
     * The request as the SDKs sign it (side-channels.md C2): against the Communication resource's host, which they
     * send as {@code x-ms-host} (.NET, JS, Python) or {@code X-Forwarded-Host} (Java) while the request itself goes to
     * the storage host of the file's URL; a request without either is signed for its own host.
     */
    private static HttpRequestMessage signedFor(HttpRequestMessage request) {
        String acsHost = request.header("x-ms-host") != null ? request.header("x-ms-host")
                : request.header("x-forwarded-host");
        if (acsHost == null) {
            return request;
        }
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        headers.put("host", acsHost);
        return new HttpRequestMessage(request.method(), request.rawTarget(), headers, request.body(),
                request.scheme(), request.localPort(), request.responseWritten());
    }

    /** Reads and deletes run on the store's file executor, never on the event loop. */
    private CompletableFuture<HttpResponseMessage> answer(HttpRequestMessage request, String path) {
        Matcher content = CONTENT.matcher(path);
        Matcher object = OBJECT.matcher(path);
        if (request.method().equals("GET") && content.matches()) {
            return store.onFiles(() -> {
                RecordingFile file = store.find(content.group(1))
                        .orElseThrow(() -> ApiErrors.recordingFileNotFound(content.group(1)));
                return content.group(2).equals("acsmetadata")
                        ? ranged(file.metadata(), "application/octet-stream", request.header("range"))
                        : ranged(file.content(), file.listing().contentType(), request.header("range"));
            });
        }
        if (request.method().equals("DELETE") && object.matches()) {
            return store.delete(object.group(1)).thenApply(deleted -> {
                if (!deleted) {
                    throw ApiErrors.recordingFileNotFound(object.group(1));
                }
                return HttpResponseMessage.empty(200);
            });
        }
        if (content.matches() || object.matches()) {
            throw ApiErrors.methodNotAllowed(request.method(), path);
        }
        throw ApiErrors.noSuchResource(path);
    }

    private static HttpResponseMessage refusal(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof ApiException refused) {
            return StorageRefusals.render(refused);
        }
        throw new java.util.concurrent.CompletionException(cause);
    }

    /** Whole (200) or the asked range (206); a range outside the file is 416 with the file's size. */
    private static HttpResponseMessage ranged(RangedBytes body, String contentType, String range) {
        long size = body.size();
        long first = 0;
        long last = size - 1;
        int status = 200;
        Optional<long[]> asked = ByteRange.parse(range, size);
        if (range != null && asked.isEmpty()) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Range", "bytes */" + size);
            return new HttpResponseMessage(416, headers, new byte[0]);
        }
        if (asked.isPresent()) {
            first = asked.get()[0];
            last = asked.get()[1];
            status = 206;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("Accept-Ranges", "bytes");
        headers.put("Content-Range", "bytes " + first + "-" + last + "/" + size);
        headers.put("Cache-Control", "no-cache, max-age=0, s-maxage=0, private");
        return new HttpResponseMessage(status, headers, body.read(first, (int) (last - first + 1)));
    }
}
