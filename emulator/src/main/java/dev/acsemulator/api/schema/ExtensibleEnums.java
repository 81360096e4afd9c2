package dev.acsemulator.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extensible enums: the spec's {@code x-ms-enum} with {@code modelAsString: true} ({@code AudioFormat},
 * {@code CallRejectReason}, {@code CallLocatorKind}, ...). The service reads their values whatever their case
 * (Microsoft's own streaming samples send {@code "audioFormat": "Pcm24KMono"} for the spec's {@code pcm24KMono}, and
 * the Java SDK's {@code AudioFormat} spells it so); a value that is no member of the list in any case is still refused,
 * since the service cannot act on a format, reason or kind it does not know.
 *
 * <p>{@link SwaggerDefinitions} marks each such schema with {@link #MARK} (it drops every {@code x-*} keyword); for the
 * request modes {@link VersionProfile} then replaces its {@code enum} by one anchored, case-insensitive
 * {@code pattern} (compiled once per api-version and mode with the validator, so the request path costs one regex
 * match per value). Responses keep the exact {@code enum}: what the emulator writes must use the spec's spelling.
 * Enums without {@code modelAsString: true} stay case-sensitive.
 */
final class ExtensibleEnums {

    /** The keyword that marks an extensible enum between conversion and profiling; never left in a served document. */
    static final String MARK = "extensibleEnum";

    private static final String PREFIX = "^(?i)(?:";
    private static final String SUFFIX = ")$";
    private static final Pattern QUOTED = Pattern.compile("\\\\Q(.*?)\\\\E");

    private ExtensibleEnums() {
    }

    /** Whether a Swagger schema is an enum declared {@code x-ms-enum.modelAsString: true}. */
    static boolean isExtensible(JsonNode swaggerSchema) {
        return swaggerSchema.has("enum") && swaggerSchema.path("x-ms-enum").path("modelAsString").asBoolean(false);
    }

    /** Replaces the {@code enum} of a marked schema by its case-insensitive pattern, or only drops the mark. */
    static void profile(ObjectNode schema, boolean caseInsensitive) {
        if (schema.remove(MARK) == null || !caseInsensitive || !schema.has("enum")) {
            return;
        }
        List<String> values = new ArrayList<>();
        schema.get("enum").forEach(v -> values.add(v.asText()));
        schema.remove("enum");
        schema.put("pattern", pattern(values));
    }

    /** {@code ^(?i)(?:\Qnone\E|\Qbusy\E)$}: any of {@code values}, in any case, and nothing else. */
    static String pattern(List<String> values) {
        StringBuilder out = new StringBuilder(PREFIX);
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : "|").append(Pattern.quote(values.get(i)));
        }
        return out.append(SUFFIX).toString();
    }

    /** The values a pattern made by {@link #pattern} accepts, for error messages; empty for any other pattern. */
    static Optional<List<String>> values(String pattern) {
        if (pattern == null || !pattern.startsWith(PREFIX) || !pattern.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        Matcher m = QUOTED.matcher(pattern.substring(PREFIX.length(), pattern.length() - SUFFIX.length()));
        while (m.find()) {
            values.add(m.group(1));
        }
        return Optional.of(values);
    }
}
