package dev.acsemulator.api.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code api-versions.json} into {@link ApiVersionInfo} records. */
final class ApiVersionTable {

    final String newestStable;
    final Map<String, String> heldSpecs;
    final String commonSpec;
    final Map<String, ApiVersionInfo> versions;

    private ApiVersionTable(String newestStable, Map<String, String> heldSpecs, String commonSpec,
                            Map<String, ApiVersionInfo> versions) {
        this.newestStable = newestStable;
        this.heldSpecs = heldSpecs;
        this.commonSpec = commonSpec;
        this.versions = versions;
    }

    static ApiVersionTable parse(JsonNode root) {
        Map<String, String> held = new LinkedHashMap<>();
        root.path("heldSpecs").properties().forEach(e -> held.put(e.getKey(), e.getValue().asText()));
        Map<String, ApiVersionInfo> versions = new LinkedHashMap<>();
        for (JsonNode v : root.path("versions")) {
            ApiVersionInfo info = version(v);
            if (!held.containsKey(info.schemaBasis())) {
                throw new IllegalStateException("api-version " + info.version() + " names schemaBasis "
                        + info.schemaBasis() + ", which is not a held spec " + held.keySet());
            }
            versions.put(info.version(), info);
        }
        String newest = root.path("newestStable").asText();
        if (!versions.containsKey(newest)) {
            throw new IllegalStateException("newestStable " + newest + " is not among the versions");
        }
        return new ApiVersionTable(newest, Map.copyOf(held), root.path("commonSpec").asText(), Map.copyOf(versions));
    }

    private static ApiVersionInfo version(JsonNode v) {
        Map<String, OperationInfo> ops = new LinkedHashMap<>();
        v.path("operations").properties().forEach(e -> {
            JsonNode o = e.getValue();
            List<Integer> others = new ArrayList<>();
            o.path("otherSuccessStatuses").forEach(s -> others.add(s.asInt()));
            ops.put(e.getKey(), new OperationInfo(e.getKey(), o.path("method").asText(), o.path("path").asText(),
                    o.path("status").asInt(), others, o.hasNonNull("inferred") ? o.get("inferred").asText() : null));
        });
        return new ApiVersionInfo(
                v.path("version").asText(),
                "preview".equals(v.path("kind").asText()) ? ApiVersionInfo.Kind.PREVIEW : ApiVersionInfo.Kind.STABLE,
                v.path("schemaBasis").asText(),
                ops,
                strings(v.path("absentDefinitions")),
                stringSets(v.path("absentProperties")),
                stringSets(v.path("absentEnumValues")),
                stringSets(v.path("extraProperties")),
                List.copyOf(strings(v.path("events"))),
                v.path("propertiesDetermined").asBoolean(true));
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Map<String, Set<String>> stringSets(JsonNode object) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), strings(e.getValue())));
        return out;
    }
}
