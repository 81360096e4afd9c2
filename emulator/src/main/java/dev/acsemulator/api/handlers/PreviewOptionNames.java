package dev.acsemulator.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.api.ApiErrors;

import java.util.ArrayList;
import java.util.List;

/**
 * The 2023-10-03 and 2024-01-22 previews' names of the streaming options of CreateCall, AnswerCall and Connect, read
 * by the same code as the current names (openapi/DEVIATIONS.md 26): {@code mediaStreamingConfiguration} (the
 * previews' MediaStreamingConfiguration: transportUrl, transportType, contentType and audioChannelType required,
 * startMediaStreaming; no audio format, bidirectional or DTMF) for {@code mediaStreamingOptions}, and
 * {@code transcriptionConfiguration} (TranscriptionConfiguration: transportUrl, transportType, locale and
 * startTranscription required; no intermediate results or speech model) for {@code transcriptionOptions}. The
 * fields they share have the same names and meaning. No held spec has the previews' models, so the request
 * validator does not see them: their required fields and boolean types are checked here, 400/8523 naming the field.
 */
final class PreviewOptionNames {

    static final String MEDIA_STREAMING = "mediaStreamingConfiguration";
    static final String TRANSCRIPTION = "transcriptionConfiguration";
    /** The options' booleans, which the readers take as false unless {@code true}. */
    private static final List<String> FLAGS = List.of("startMediaStreaming", "startTranscription",
            "enableBidirectional", "enableDtmfTones", "enableIntermediateResults");

    /** An options object and the name it came under ({@code mediaStreamingOptions}, or the preview's). */
    record NamedOptions(String name, JsonNode options) {
        String field(String field) {
            return name + "." + field;
        }
    }

    private PreviewOptionNames() {
    }

    /**
     * The request's options under their current name or their preview name; null when it has neither (a JSON
     * {@code null} counts as absent). Both at once is 400: the service would have to pick one.
     */
    static NamedOptions pick(JsonNode body, String current, String preview, String... previewRequired) {
        JsonNode now = present(body, current);
        JsonNode before = present(body, preview);
        if (now != null && before != null) {
            throw ApiErrors.invalidRequest("give " + current + " or its preview name " + preview + ", not both.");
        }
        if (before == null) {
            return now == null ? null : new NamedOptions(current, now);
        }
        if (!before.isObject()) {
            throw ApiErrors.invalidRequest(preview + " must be an object.");
        }
        List<String> missing = new ArrayList<>();
        for (String field : previewRequired) {
            if (present(before, field) == null) {
                missing.add(preview + "." + field);
            }
        }
        if (!missing.isEmpty()) {
            throw ApiErrors.invalidRequest(String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " required.");
        }
        for (String flag : FLAGS) {
            JsonNode value = present(before, flag);
            if (value != null && !value.isBoolean()) {
                throw ApiErrors.invalidRequest(preview + "." + flag + " must be true or false.");
            }
        }
        return new NamedOptions(preview, before);
    }

    private static JsonNode present(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value;
    }
}
