package dev.acsemulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Request fields that an api-version's own spec names differently from today's, renamed to today's names before the
 * body is validated against the version's schema basis and read by the handlers (openapi/DEVIATIONS.md 57). Only the
 * versions whose spec was read have a table: 2023-01-15-preview (Azure/azure-rest-api-specs,
 * CallAutomation/preview/2023-01-15-preview/communicationservicescallautomation.json), whose CreateCall, AnswerCall,
 * Play and Recognize the .NET SDK's 2023 betas sent (azure-sdk-for-net SessionRecords/CallMediaAutomatedLiveTests,
 * June 2023: {@code sourceIdentity}, {@code answeredByIdentifier}, {@code customContext}), and 2023-06-15-preview
 * (the same folder's spec), whose CreateCall and AnswerCall give {@code cognitiveServicesEndpoint} at the top. Their
 * continuous DTMF, {@code :sendDtmf}, SendDtmfTones, mute and participant requests name their fields as today, and so
 * do 2023-10-03-preview's CreateCall, Play, Recognize, continuous DTMF, SendDtmfTones, Hold and StartHoldMusic (its
 * spec read too; {@code playSourceInfo} of Hold is today's name).
 *
 * <p>A body that gives a field under both names is refused (400/8523): the service would have to pick one.
 */
final class OlderFieldNames {

    /**
     * {@code older} (a field of the request object) becomes {@code current} (a dotted path from the same object),
     * its value passed through {@code convert}.
     */
    private record Rename(String older, String current, UnaryOperator<JsonNode> convert) {
        Rename(String older, String current) {
            this(older, current, UnaryOperator.identity());
        }
    }

    /** The preview's PlaySource: {@code sourceType}, {@code fileSource}, … for today's {@code kind}, {@code file}, …. */
    private static final List<Rename> PLAY_SOURCE = List.of(new Rename("sourceType", "kind"),
            new Rename("playSourceId", "playSourceCacheId"), new Rename("fileSource", "file"),
            new Rename("textSource", "text"), new Rename("ssmlSource", "ssml"));

    private static final Rename CUSTOM_CONTEXT = new Rename("customContext", "customCallingContext");
    private static final Rename COGNITIVE_SERVICES = new Rename("azureCognitiveServicesEndpointUrl",
            "callIntelligenceOptions.cognitiveServicesEndpoint");

    private static final Rename COGNITIVE_SERVICES_AT_TOP = new Rename("cognitiveServicesEndpoint",
            "callIntelligenceOptions.cognitiveServicesEndpoint");

    /** Per api-version, per request definition, its renamed fields. */
    private static final Map<String, Map<String, List<Rename>>> BY_VERSION = Map.of("2023-01-15-preview", Map.of(
            "CreateCallRequest", List.of(new Rename("sourceIdentity", "source"), COGNITIVE_SERVICES, CUSTOM_CONTEXT),
            "AnswerCallRequest", List.of(new Rename("answeredByIdentifier", "answeredBy"), COGNITIVE_SERVICES),
            "AddParticipantRequest", List.of(CUSTOM_CONTEXT),
            "TransferToParticipantRequest", List.of(CUSTOM_CONTEXT),
            "RedirectCallRequest", List.of(CUSTOM_CONTEXT),
            "PlayRequest", List.of(new Rename("playSourceInfo", "playSources",
                    source -> JsonNodeFactory.instance.arrayNode().add(playSource(source, "playSourceInfo.")))),
            "RecognizeRequest", List.of(new Rename("playPrompt", "playPrompt",
                    source -> playSource(source, "playPrompt.")))),
            "2023-06-15-preview", Map.of(
            "CreateCallRequest", List.of(COGNITIVE_SERVICES_AT_TOP),
            "AnswerCallRequest", List.of(COGNITIVE_SERVICES_AT_TOP)));

    private OlderFieldNames() {
    }

    /** The body with the version's older field names of {@code definition} under today's names, in place. */
    static void rename(String apiVersion, String definition, JsonNode body) {
        List<Rename> renames = BY_VERSION.getOrDefault(apiVersion, Map.of()).getOrDefault(definition, List.of());
        if (body instanceof ObjectNode object) {
            apply(object, renames, "");
        }
    }

    /** The preview's one play source with today's field names; anything else is left to the schema to refuse. */
    private static JsonNode playSource(JsonNode source, String where) {
        if (source instanceof ObjectNode object) {
            apply(object, PLAY_SOURCE, where);
        }
        return source;
    }

    private static void apply(ObjectNode object, List<Rename> renames, String where) {
        for (Rename rename : renames) {
            JsonNode value = object.get(rename.older());
            if (value == null || value.isNull()) {
                continue;
            }
            if (rename.older().equals(rename.current())) {
                object.set(rename.older(), rename.convert().apply(value));
                continue;
            }
            String[] path = rename.current().split("\\.");
            ObjectNode parent = object;
            for (int i = 0; i < path.length - 1; i++) {
                JsonNode next = parent.get(path[i]);
                if (next == null || next.isNull()) {
                    next = parent.putObject(path[i]);
                } else if (!next.isObject()) {
                    throw ApiErrors.invalidRequest(where + rename.older() + " cannot be read: " + where
                            + rename.current() + " is not an object.");
                }
                parent = (ObjectNode) next;
            }
            String leaf = path[path.length - 1];
            JsonNode present = parent.get(leaf);
            if (present != null && !present.isNull()) {
                throw ApiErrors.invalidRequest("give " + where + rename.current() + " or its older name " + where
                        + rename.older() + ", not both.");
            }
            object.remove(rename.older());
            parent.set(leaf, rename.convert().apply(value));
        }
    }
}
