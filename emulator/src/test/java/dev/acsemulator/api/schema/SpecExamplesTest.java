package dev.acsemulator.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example of the held 2026-03-12 spec (copied verbatim under src/test/resources/openapi-examples) must fit the
 * schemas the emulator validates with: response bodies in {@link ValidationMode#RESPONSE}, request bodies in
 * {@link ValidationMode#REQUEST_STRICT}. The example-to-operation mapping is the spec's own {@code x-ms-examples}.
 */
class SpecExamplesTest {

    private static final String VERSION = "2026-03-12";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SchemaRegistry registry;
    private static JsonNode spec;

    private record ExampleUse(String operationId, String file, JsonNode operation) {
    }

    @BeforeAll
    static void load() throws IOException {
        registry = SchemaRegistry.loadFromClasspath();
        spec = read("openapi/specs/callautomation-openapi-2026-03-12.json");
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = SpecExamplesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        }
    }

    /** Example files the spec names but upstream does not provide (see reference README): skipped. */
    private static final java.util.Set<String> NOT_PROVIDED_UPSTREAM =
            java.util.Set.of("CallConnection_TerminateCall.json", "CallRecording_PauseRecording.json");

    private static List<ExampleUse> exampleUses() {
        List<ExampleUse> uses = new ArrayList<>();
        spec.path("paths").forEach(pathItem -> pathItem.properties().forEach(method -> {
            JsonNode op = method.getValue();
            op.path("x-ms-examples").forEach(example -> {
                String ref = example.path("$ref").asText();
                String file = ref.substring(ref.lastIndexOf('/') + 1);
                if (!NOT_PROVIDED_UPSTREAM.contains(file)) {
                    uses.add(new ExampleUse(op.path("operationId").asText(), file, op));
                }
            });
        }));
        // In the examples folder but not named by x-ms-examples: a second StartRecording example (by call connection id).
        uses.add(new ExampleUse("CallRecording_StartRecording", "CallRecording_StartRecording_WithConnectionId.json",
                spec.path("paths").path("/calling/recordings").path("post")));
        return uses;
    }

    private static String refName(JsonNode schema) {
        String ref = schema.path("$ref").asText();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    @Test
    void everyExampleTheSpecNamesIsPresentExceptTheTwoUpstreamLacks() {
        List<ExampleUse> uses = exampleUses();
        assertThat(uses).hasSize(34);
        for (ExampleUse use : uses) {
            assertThat(getClass().getClassLoader().getResource("openapi-examples/2026-03-12/" + use.file()))
                    .as(use.file()).isNotNull();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyResponseExampleValidatesInResponseModeForItsStatus() {
        return exampleUses().stream().map(use -> DynamicTest.dynamicTest(use.file(), () -> {
            JsonNode example = read("openapi-examples/2026-03-12/" + use.file());
            for (Map.Entry<String, JsonNode> response : example.path("responses").properties()) {
                JsonNode schema = use.operation().path("responses").path(response.getKey()).path("schema");
                JsonNode body = response.getValue().get("body");
                if (body == null || body.isNull()) {
                    assertThat(schema.isMissingNode()).as("%s %s has no body but a schema", use.file(), response.getKey()).isTrue();
                    continue;
                }
                assertThat(schema.isMissingNode()).as("%s status %s must be a declared response", use.file(), response.getKey()).isFalse();
                assertThat(registry.validate(VERSION, refName(schema), body, ValidationMode.RESPONSE))
                        .as("%s %s as %s", use.file(), response.getKey(), refName(schema)).isEmpty();
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyRequestExampleValidatesStrictly() {
        return exampleUses().stream().map(use -> DynamicTest.dynamicTest(use.file(), () -> {
            JsonNode example = read("openapi-examples/2026-03-12/" + use.file());
            for (JsonNode parameter : use.operation().path("parameters")) {
                if (!"body".equals(parameter.path("in").asText())) {
                    continue;
                }
                JsonNode body = example.path("parameters").get(parameter.path("name").asText());
                assertThat(body).as("%s has a body for %s", use.file(), parameter.path("name").asText()).isNotNull();
                assertThat(registry.validate(VERSION, refName(parameter.path("schema")), body, ValidationMode.REQUEST_STRICT))
                        .as(use.file()).isEmpty();
            }
        }));
    }
}
