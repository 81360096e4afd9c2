package dev.acsemulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each built route line against the verbatim spec document its api-version is validated with (the schema basis of
 * the newest api-version that has the operation): the body and response definitions are the spec's, the route takes
 * the Repeatability-* headers exactly when the spec does, and its target fields are properties of its request body.
 */
class DeclaredRoutesMatchTheHeldSpecTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /**
     * Built operations of preview api-versions only, whose spec the emulator does not hold: their bodies are shaped by
     * hand and validated by nothing (DEVIATIONS 50 for GetRecordingResult).
     */
    private static final List<String> PREVIEW_ONLY = List.of("CallRecording_GetRecordingResult");
    private static WiredRoutes wired;
    private static final Map<String, JsonNode> SPECS = new HashMap<>();

    @BeforeAll
    static void wire() {
        wired = new WiredRoutes();
    }

    @AfterAll
    static void stop() {
        wired.close();
    }

    @Test
    void everyBuiltRouteNamesTheSpecsDefinitionsRepeatabilityAndTargetFields() {
        List<String> problems = new ArrayList<>();
        List<Route> built = wired.table.routes().stream().filter(Route::isImplemented)
                .filter(route -> !readFromNoSpec(route)).toList();
        for (Route route : built) {
            JsonNode spec = specFor(route.operationId());
            JsonNode operation = spec.path("paths").path(route.path().toString())
                    .path(route.method().toLowerCase(Locale.ROOT));
            String name = route.operationId();
            if (!operation.isObject() && PREVIEW_ONLY.contains(name)) {
                if (route.requestDefinition() != null || route.responseDefinition() != null) {
                    problems.add(name + ": no held spec has it, so it can name no definition to validate with");
                }
                continue;
            }
            if (!operation.isObject()) {
                problems.add(name + ": the held spec has no " + route.method() + " " + route.path());
                continue;
            }
            String request = null;
            boolean repeatable = false;
            for (JsonNode parameter : operation.path("parameters")) {
                if ("body".equals(parameter.path("in").asText())) {
                    request = definitionName(parameter.path("schema"));
                }
                repeatable |= "Repeatability-Request-ID".equals(parameter.path("name").asText());
            }
            String response = definitionName(operation.path("responses")
                    .path(Integer.toString(route.successStatus())).path("schema"));
            check(problems, name, "request definition", request, route.requestDefinition());
            check(problems, name, "response definition", response, route.responseDefinition());
            check(problems, name, "repeatable", repeatable, route.repeatable());
            for (String field : route.targetFields()) {
                if (property(spec, String.valueOf(request), field).isMissingNode()) {
                    problems.add(name + ": target field " + field + " is not a property of " + request);
                }
            }
        }
        assertThat(built).isNotEmpty();
        assertThat(problems).as("built routes that differ from the held spec").isEmpty();
    }

    /**
     * The previews' operations that no held spec has a path entry for (openapi/api-versions.json marks them
     * {@code inferred}) are built on the held definitions of the operations they were renamed to, and cite the
     * deviation that says so; the {@link #PREVIEW_ONLY} ones are no renamed operation and cite their own.
     */
    @Test
    void everyBuiltRouteThatNoHeldSpecHasCitesTheDeviationOfThePreviewNames() {
        List<Route> previewOnly = wired.table.routes().stream().filter(Route::isImplemented)
                .filter(DeclaredRoutesMatchTheHeldSpecTest::readFromNoSpec)
                .filter(route -> !PREVIEW_ONLY.contains(route.operationId())).toList();

        assertThat(previewOnly).extracting(Route::operationId).contains("CallMedia_StartHoldMusic",
                "CallMedia_InterruptAudioAndAnnounce");
        assertThat(previewOnly).allSatisfy(route -> assertThat(route.deviations()).as(route.operationId())
                .contains(45));
    }

    private static boolean readFromNoSpec(Route route) {
        return wired.table.spec().operation(route.operationId()).orElseThrow().newest().inferred() != null;
    }

    @Test
    void everyBuiltRouteWithAnIdentityInItsBodyNamesItsTargetField() {
        assertThat(wired.table.routes()).filteredOn(Route::isImplemented)
                .filteredOn(route -> List.of("CreateCall", "RedirectCall", "CallConnection_TransferToParticipant",
                        "CallConnection_AddParticipant", "CallConnection_RemoveParticipant", "CallConnection_Mute",
                        "CallConnection_MoveParticipants").contains(route.operationId()))
                .hasSize(7)
                .allSatisfy(route -> assertThat(route.targetFields()).as(route.operationId()).isNotEmpty());
    }

    private static void check(List<String> problems, String name, String what, Object spec, Object declared) {
        if (spec == null ? declared != null : !spec.equals(declared)) {
            problems.add(name + ": " + what + " is " + declared + ", the spec has " + spec);
        }
    }

    private static String definitionName(JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        return ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static JsonNode specFor(String operationId) {
        String version = wired.table.spec().operation(operationId).orElseThrow().newestVersion();
        String basis = WiredRoutes.SCHEMAS.version(version).orElseThrow().schemaBasis();
        return SPECS.computeIfAbsent(basis, held -> read("openapi/specs/callautomation-openapi-" + held + ".json"));
    }

    private static JsonNode read(String resource) {
        try (InputStream in = DeclaredRoutesMatchTheHeldSpecTest.class.getClassLoader()
                .getResourceAsStream(resource)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema of a property of a definition, by a dotted path through the definitions it refers to. */
    private static JsonNode property(JsonNode spec, String definition, String dottedField) {
        JsonNode schema = spec.path("definitions").path(definition);
        for (String name : dottedField.split("\\.")) {
            JsonNode property = schema.path("properties").path(name);
            String ref = property.path("$ref").asText("");
            schema = ref.isEmpty() ? property : spec.path("definitions").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }
}
