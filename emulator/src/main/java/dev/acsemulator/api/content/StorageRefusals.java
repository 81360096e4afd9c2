package dev.acsemulator.api.content;

import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.api.ApiException;
import dev.acsemulator.http.HttpResponseMessage;

/**
 * How the recording storage answers a request it refuses (side-channels.md C2). It is not the Call Automation API
 * and has not its error format: a file that is not there (never made, deleted or expired) is a 404 with an empty
 * body, as the storage answered the Azure SDK for Java's live test of a missing file's download
 * ({@code DownloadContentLiveTests.downloadContent404}, 2021: {@code content-length: 0}). The JS SDK reads any body
 * of a failed download or delete as JSON {@code {status, message}}; with no body it throws {@code {status: 404}},
 * and the Java and .NET SDKs raise their 404 from the status alone. Refusals no recording shows (a bad signature, a
 * method the path does not take) keep the service's {@code {"error":{"code","message"}}}.
 */
final class StorageRefusals {

    private StorageRefusals() {
    }

    static HttpResponseMessage render(ApiException refused) {
        if (refused.status() == 404) {
            return HttpResponseMessage.empty(404);
        }
        return ApiErrors.render(refused);
    }
}
