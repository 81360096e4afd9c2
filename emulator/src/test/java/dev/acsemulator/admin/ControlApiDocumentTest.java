package dev.acsemulator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * openapi/control-api.json against the control API's route table: the document must describe exactly the routes
 * {@link AdminRoutes} serves, under their names. The table is built as the emulator builds it, with tasks that have
 * no collaborators (no route runs here), so no server is started.
 */
class ControlApiDocumentTest {

    /** Maven runs the tests in the module directory; the document lives in the top-level openapi/ folder. */
    private static final Path DOCUMENT = Path.of("..", "openapi", "control-api.json");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private static JsonNode document;

    @BeforeAll
    static void readTheDocument() throws IOException {
        document = new ObjectMapper().readTree(Files.readString(DOCUMENT));
    }

    /** "METHOD /path/template name", one per route, as the live table has them. */
    private static List<String> routeTable() {
        List<AdminRoute> routes = new ArrayList<>(AdminRoutes.table(new CallTasks(null, null, null, null),
                new WorldTasks(null, null, null, null, null, null), new FaultTasks(null, null, null),
                new ClockTasks(null), new TransferTasks(null), new RecordingTasks(null),
                new VoiceTasks(null, null), new InvitationTasks(null, null)));
        routes.addAll(AdminRoutes.activityTable(new ActivityTasks(null, null, null, null)));
        return new AdminApi(routes, null).operations();
    }

    /** Every documented path and method under /admin, as "METHOD /path/template". */
    private static Set<String> documentedControlOperations() {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            if (!path.getKey().startsWith("/admin")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (METHODS.contains(method.getKey())) {
                    operations.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    private static List<JsonNode> allOperations() {
        List<JsonNode> operations = new ArrayList<>();
        document.path("paths").forEach(path -> path.properties().forEach(method -> {
            if (METHODS.contains(method.getKey())) {
                operations.add(method.getValue());
            }
        }));
        return operations;
    }

    /** Follows one local {@code $ref} ({@code #/components/...}); anything else is returned as it is. */
    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            assertThat(ref).as("a local reference").startsWith("#/");
            current = document.at(ref.substring(1));
            assertThat(current.isMissingNode()).as("%s resolves", ref).isFalse();
        }
        return current;
    }

    @Test
    void theDocumentIsOpenApi30WithTheControlApisTitleAndServers() {
        assertThat(document.path("openapi").asText()).startsWith("3.0.");
        assertThat(document.path("info").path("title").asText())
                .isEqualTo("ACS Call Automation Emulator control API");
        assertThat(document.path("info").path("version").asText()).isNotBlank();
        List<String> servers = new ArrayList<>();
        document.path("servers").forEach(server -> servers.add(server.path("url").asText()));
        assertThat(servers).contains("https://127.0.0.1:8443", "http://127.0.0.1:8080");
    }

    @Test
    void theBearerTokenIsDocumentedAsOptional() {
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        List<JsonNode> requirements = new ArrayList<>();
        document.path("security").forEach(requirements::add);
        assertThat(requirements).as("no requirement at all is one of the alternatives")
                .anySatisfy(requirement -> assertThat(requirement.isEmpty()).isTrue());
        assertThat(requirements).anySatisfy(requirement -> assertThat(requirement.has("bearer")).isTrue());
    }

    @Test
    void everyRouteIsDocumentedWithItsMethodPathTemplateAndName() {
        List<String> routes = routeTable();
        assertThat(routes).isNotEmpty();
        for (String route : routes) {
            String[] parts = route.split(" ");
            JsonNode operation = document.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
            assertThat(operation.isObject()).as("%s %s is documented", parts[0], parts[1]).isTrue();
            assertThat(operation.path("operationId").asText()).as("operationId of %s %s", parts[0], parts[1])
                    .isEqualTo(parts[2]);
        }
    }

    @Test
    void theDocumentHasNoControlApiOperationTheRouteTableLacks() {
        Set<String> served = new TreeSet<>();
        routeTable().forEach(route -> served.add(route.substring(0, route.lastIndexOf(' '))));
        assertThat(documentedControlOperations()).containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void theOnlyDocumentedPathOutsideTheControlApiIsHealth() {
        Set<String> others = new TreeSet<>();
        document.path("paths").fieldNames().forEachRemaining(path -> {
            if (!path.startsWith("/admin")) {
                others.add(path);
            }
        });
        assertThat(others).containsExactly("/health");
        assertThat(document.at("/paths/~1health/get/responses").has("200")).isTrue();
        assertThat(document.at("/paths/~1health/get/responses").has("503")).isTrue();
    }

    @Test
    void operationIdsAreUnique() {
        List<String> ids = new ArrayList<>();
        allOperations().forEach(operation -> ids.add(operation.path("operationId").asText()));
        assertThat(ids).doesNotContain("").doesNotHaveDuplicates();
    }

    @Test
    void everyPathVariableIsADeclaredPathParameter() {
        document.path("paths").properties().forEach(path -> {
            Set<String> variables = new LinkedHashSet<>();
            Matcher matcher = VARIABLE.matcher(path.getKey());
            while (matcher.find()) {
                variables.add(matcher.group(1));
            }
            path.getValue().properties().stream().filter(method -> METHODS.contains(method.getKey()))
                    .forEach(method -> {
                        Set<String> declared = new HashSet<>();
                        method.getValue().path("parameters").forEach(parameter -> {
                            JsonNode resolved = resolve(parameter);
                            if (resolved.path("in").asText().equals("path")) {
                                assertThat(resolved.path("required").asBoolean())
                                        .as("path parameter %s is required", resolved.path("name")).isTrue();
                                declared.add(resolved.path("name").asText());
                            }
                        });
                        assertThat(declared).as("path parameters of %s %s", method.getKey(), path.getKey())
                                .containsExactlyInAnyOrderElementsOf(variables);
                    });
        });
    }

    @Test
    void everyJsonRequestAndResponseReferencesAComponentSchemaAndAudioIsBinary() {
        for (JsonNode operation : allOperations()) {
            String id = operation.path("operationId").asText();
            List<JsonNode> bodies = new ArrayList<>();
            if (operation.has("requestBody")) {
                bodies.add(resolve(operation.get("requestBody")));
            }
            assertThat(operation.path("responses").isEmpty()).as("%s has responses", id).isFalse();
            operation.path("responses").forEach(response -> bodies.add(resolve(response)));
            for (JsonNode body : bodies) {
                body.path("content").properties().forEach(media -> {
                    if (media.getKey().startsWith("audio/")) { // heard audio, recordings: a binary body
                        assertThat(media.getValue().path("schema").path("format").asText()).isEqualTo("binary");
                        return;
                    }
                    if (media.getKey().equals("text/event-stream") || media.getKey().equals("text/plain")) {
                        // the live feed and the Mermaid diagram: text, with an example of what it reads like
                        assertThat(media.getValue().path("schema").path("type").asText()).isEqualTo("string");
                        assertThat(media.getValue().path("example").asText()).as("%s example", id).isNotBlank();
                        return;
                    }
                    assertThat(media.getKey()).as("%s media type", id).isEqualTo("application/json");
                    String ref = media.getValue().path("schema").path("$ref").asText();
                    assertThat(ref).as("%s schema", id).startsWith("#/components/schemas/");
                    resolve(media.getValue().get("schema"));
                });
            }
        }
    }

    @Test
    void everyControlApiFailureIsAnsweredInTheErrorShape() {
        JsonNode error = document.at("/components/schemas/Error");
        assertThat(texts(error.path("required"))).containsExactly("error");
        assertThat(texts(error.at("/properties/error/required"))).containsExactlyInAnyOrder("code", "message");
        for (JsonNode operation : allOperations()) {
            String id = operation.path("operationId").asText();
            if (id.equals("health")) {
                continue;
            }
            operation.path("responses").properties().forEach(response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    assertThat(resolve(response.getValue()).at("/content/application~1json/schema/$ref").asText())
                            .as("%s %s", id, response.getKey()).isEqualTo("#/components/schemas/Error");
                }
            });
        }
    }

    @Test
    void everyReferenceInTheDocumentResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertThat(refs).isNotEmpty();
        refs.forEach(ref -> assertThat(document.at(ref.substring(1)).isMissingNode()).as("%s resolves", ref)
                .isFalse());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else if (field.getKey().equals("mapping")) {
                    field.getValue().forEach(target -> refs.add(target.asText()));
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectRefs(element, refs));
        }
    }
}
