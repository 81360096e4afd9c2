package dev.acsemulator.api.content;

import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.api.ApiException;
import dev.acsemulator.api.RequestTarget;
import dev.acsemulator.api.auth.Authenticator;
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
 * /v1/objects/<documentId>/content/audio} (the WAV), {@code GET .../content/acsmetadata} (the metadata JSON), both
 * whole or by {@code Range} (206 with {@code Content-Range}), and {@code DELETE /v1/objects/<documentId>} (200, then
 * 404). Signed as the Call Automation API is, with the resource's HMAC key or a bearer token.
 */
public final class RecordingContentApi {

    public static final String PREFIX = "/v1/objects/";
    private static final Pattern CONTENT = Pattern.compile("/v1/objects/([^/]+)/content/(audio|acsmetadata)");
    private static final Pattern OBJECT = Pattern.compile("/v1/objects/([^/]+)");

    private final RecordingStore store;
    private final Authenticator authenticator;
    private final RecordingMetadata metadata;

    public RecordingContentApi(RecordingStore store, Authenticator authenticator, RecordingMetadata metadata) {
        this.store = store;
        this.authenticator = authenticator;
        this.metadata = metadata;
    }

    public CompletableFuture<HttpResponseMessage> handle(HttpRequestMessage request, RequestTarget target) {
        try {
            authenticator.authenticate(request);
            return CompletableFuture.completedFuture(answer(request, target.rawPath()));
        } catch (ApiException e) {
            return CompletableFuture.completedFuture(ApiErrors.render(e));
        }
    }

    private HttpResponseMessage answer(HttpRequestMessage request, String path) {
        Matcher content = CONTENT.matcher(path);
        Matcher object = OBJECT.matcher(path);
        if (request.method().equals("GET") && content.matches()) {
            RecordingStore.StoredRecording stored = find(content.group(1));
            Body body = content.group(2).equals("audio")
                    ? new Body(stored.audio().size(), stored.audio()::read, "audio/wav")
                    : Body.of(metadata.json(stored.session()), "application/octet-stream");
            return ranged(body, request.header("range"));
        }
        if (request.method().equals("DELETE") && object.matches()) {
            if (!store.delete(object.group(1))) {
                throw ApiErrors.recordingFileNotFound(object.group(1));
            }
            return HttpResponseMessage.empty(200);
        }
        if (content.matches() || object.matches()) {
            throw ApiErrors.methodNotAllowed(request.method(), path);
        }
        throw ApiErrors.noSuchResource(path);
    }

    private RecordingStore.StoredRecording find(String documentId) {
        return store.find(documentId).orElseThrow(() -> ApiErrors.recordingFileNotFound(documentId));
    }

    /** Whole (200) or the asked range (206); a range outside the file is 416 with the file's size. */
    private static HttpResponseMessage ranged(Body body, String range) {
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
        headers.put("Content-Type", body.contentType());
        headers.put("Accept-Ranges", "bytes");
        headers.put("Content-Range", "bytes " + first + "-" + last + "/" + size);
        headers.put("Cache-Control", "no-cache, max-age=0, s-maxage=0, private");
        return new HttpResponseMessage(status, headers, body.reader().read(first, (int) (last - first + 1)));
    }

    /** A file's bytes, read by range. */
    private record Body(long size, Reader reader, String contentType) {
        static Body of(byte[] bytes, String contentType) {
            return new Body(bytes.length, (offset, length) -> java.util.Arrays.copyOfRange(bytes, (int) offset,
                    (int) Math.min(bytes.length, offset + length)), contentType);
        }
    }

    @FunctionalInterface
    private interface Reader {
        byte[] read(long offset, int length);
    }
}
