package dev.acsemulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.api.Route;
import dev.acsemulator.api.schema.SchemaRegistry;
import dev.acsemulator.api.schema.ValidationMode;
import dev.acsemulator.config.EmulatorConfig;
import dev.acsemulator.testing.HmacSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fuzz corpus over every operation of the route table and of the control API (issue 14): for each, requests with
 * hostile path variables, queries, headers and bodies, generated from a fixed seed. Every answer must come within a
 * few seconds, be below 500 (501 for an operation or option not built), carry the {@code {"error":{"code","message"}}}
 * body on every error, and leave the emulator healthy. The corpus is built from the tables, so a new operation is
 * fuzzed without anyone writing a case for it.
 */
class RouteFuzzTest {

    private static final long SEED = 14L;
    private static final int CASES_PER_OPERATION = 16;
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How many answers of each status the corpus got, for the failure message. */
    private static final Map<Integer, Integer> STATUSES = new java.util.TreeMap<>();

    /** Path variables that are not what the route expects: wrong ids, malformed raw ids, encodings, long ones. */
    private static final List<String> PATH_VALUES = List.of("00000000-0000-0000-0000-000000000000", "%3A%3A%3A%3A",
            "8%3Aacs%3A", "4%3A%2B14255550123", "x".repeat(1500), "%00", "%0D%0AX-Injected%3A%201", "..%2F..%2Fadmin",
            "%E2%82%AC%F0%9F%98%80", "%25", "a%2Fb", "%FF%FE", "null", "-1", "1e999");
    private static final List<String> QUERIES = List.of("?api-version=2026-03-12", "?api-version=2023-03-06", "",
            "?api-version=", "?api-version=not-a-version", "?api-version=2026-03-12&api-version=2023-03-06",
            "?api-version=2026-03-12&%00=%00", "?" + "q".repeat(1000));
    private static final List<String> FIELDS = List.of("targets", "callbackUri", "operationContext", "source",
            "sourceCallerIdNumber", "participantToAdd", "participantToRemove", "targetParticipant", "transferee",
            "incomingCallContext", "callLocator", "playSources", "playTo", "playOptions", "recognizeOptions",
            "tones", "invitationTimeoutInSeconds", "callRejectReason", "from", "to", "rawId", "name", "endpoint",
            "response", "answerAfter", "duration", "match", "behaviour", "phrase", "headers", "customCallingContext",
            "callIntelligenceOptions", "kind", "communicationUser", "phoneNumber", "value", "id");

    /** The request models of the newest api-version, so most bodies are nearly valid and reach the handlers. */
    private static final JsonNode DEFINITIONS = SchemaRegistry.loadFromClasspath()
            .schemaDocument("2026-03-12", ValidationMode.REQUEST_LENIENT).path("definitions");

    /** The control API's document: its request bodies' models, for nearly valid control API bodies. */
    private static final JsonNode CONTROL_API = readControlApi();

    @TempDir
    static Path dataDir;
    private static Emulator emulator;
    private static HttpClient client;
    private static HmacSigner signer;

    @BeforeAll
    static void start() {
        emulator = Emulator.start(EmulatorConfig.builder().dataDir(dataDir)
                .options("--https-port=-1", "--http-port=0", "--clock=manual", "--seed=14").build());
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(ANSWER_WITHIN).build();
        signer = new HmacSigner(emulator.config().accessKeys().get(0));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    /** One generated request. */
    private record Case(String method, String pathAndQuery, byte[] body, boolean signed) {
        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return method + " " + abbreviated(pathAndQuery) + " signed=" + signed + " body=" + abbreviated(text);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyOperationOfBothRouteTablesAnswersHostileRequestsBelow500WithTheErrorFormatAndStaysHealthy()
            throws Exception {
        Random random = new Random(SEED);
        List<Case> cases = new ArrayList<>();
        for (Route route : emulator.routes().routes()) {
            for (int i = 0; i < CASES_PER_OPERATION; i++) {
                cases.add(generate(random, route.method(), route.path().toString(), route.requestDefinition()));
            }
        }
        for (String operation : emulator.controlOperations()) {
            String[] parts = operation.split(" ");
            if (parts[1].equals("/admin/reset")) {
                continue; // resets the world the other cases run in; it takes no input to fuzz
            }
            if (parts[1].equals("/admin/feed")) {
                continue; // a stream that stays open; its refusals are ActivityFeedTest's
            }
            for (int i = 0; i < CASES_PER_OPERATION; i++) {
                cases.add(generate(random, parts[0], parts[1], controlRequestModel(parts[0], parts[1])));
            }
        }

        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (Case fuzz : cases) {
            String problem = problemWith(fuzz);
            if (problem != null) {
                failures.add(problem + " <- " + fuzz);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failures).as("%d requests in %s, answered %s", cases.size(), took, STATUSES).isEmpty();
        assertThat(took).as("the corpus runs in bounded time").isLessThan(Duration.ofSeconds(30));
        assertThat(send(new Case("GET", "/health", new byte[0], false)).statusCode()).isEqualTo(200);
        HttpResponse<String> create = send(new Case("POST", "/calling/callConnections?api-version=2026-03-12",
                ("{\"targets\":[{\"rawId\":\"8:acs:0a5e0000-ca11-4a7e-8000-000000000001_after-fuzz\"}],"
                        + "\"callbackUri\":\"http://127.0.0.1:9/after-fuzz\"}").getBytes(StandardCharsets.UTF_8),
                true));
        assertThat(create.statusCode()).as("a CreateCall after the corpus: %s", create.body()).isEqualTo(201);
    }

    /** Raw ids that name no identity (DEVIATIONS 40), percent-encoded as a path variable. */
    private static final List<String> MALFORMED_RAW_IDS = List.of("%3A%3A%3A%3A", "8%3Aacs%3A", "null", "-1", "%00",
            "8%3Aacs%3A" + "x".repeat(300), "8%3Aacs%3Aa%20b", "%0D%0AX-Injected%3A%201", "4%3A%2B1", "x".repeat(1500));

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyControlPathNamingAPersonRefusesAMalformedRawIdWith400BadRequestAndLeavesTheCallAsItWas()
            throws Exception {
        HttpResponse<String> create = send(new Case("POST", "/calling/callConnections?api-version=2026-03-12",
                ("{\"targets\":[{\"rawId\":\"8:acs:0a5e0000-ca11-4a7e-8000-000000000001_person-paths\"}],"
                        + "\"callbackUri\":\"http://127.0.0.1:9/person-paths\"}").getBytes(StandardCharsets.UTF_8),
                true));
        assertThat(create.statusCode()).as("CreateCall: %s", create.body()).isEqualTo(201);
        String callConnectionId = JSON.readTree(create.body()).path("callConnectionId").asText();
        String serverCallId = JSON.readTree(send(new Case("GET", "/admin/connections/" + callConnectionId,
                new byte[0], false)).body()).path("serverCallId").asText();
        assertThat(serverCallId).isNotBlank();
        JsonNode before = callWithoutJournal(serverCallId);

        List<String> personPaths = emulator.controlOperations().stream()
                .filter(operation -> operation.contains("{rawId}")).toList();
        assertThat(personPaths).as("the control API's paths naming a person").hasSizeGreaterThanOrEqualTo(10);
        List<String> wrong = new ArrayList<>();
        for (String operation : personPaths) {
            String[] parts = operation.split(" ");
            for (String rawId : MALFORMED_RAW_IDS) {
                String path = parts[1].replace("{serverCallId}", serverCallId).replace("{rawId}", rawId);
                byte[] body = parts[0].equals("GET") || parts[0].equals("DELETE") ? new byte[0]
                        : "{\"tones\":[\"one\"],\"phrase\":\"hello\",\"target\":\"4:+14255550123\",\"behaviour\":{}}"
                        .getBytes(StandardCharsets.UTF_8);
                HttpResponse<String> answer = send(new Case(parts[0], path, body, false));
                JsonNode error = JSON.readTree(answer.body()).path("error");
                if (answer.statusCode() != 400 || !error.path("code").asText().equals("BadRequest")
                        || !error.path("message").asText().startsWith("'rawId' is not a valid raw id")) {
                    wrong.add(parts[0] + " " + abbreviated(path) + " -> " + answer.statusCode() + " "
                            + abbreviated(answer.body()));
                }
            }
        }

        assertThat(wrong).as("answers other than 400 BadRequest naming 'rawId'").isEmpty();
        assertThat(callWithoutJournal(serverCallId)).as("the call and its participants after the refused requests")
                .isEqualTo(before);
    }

    /** The control API's view of a call but its journal (where delivery attempts to the dead callback go on). */
    private static JsonNode callWithoutJournal(String serverCallId) throws IOException, InterruptedException {
        HttpResponse<String> call = send(new Case("GET", "/admin/calls/" + serverCallId, new byte[0], false));
        assertThat(call.statusCode()).as("GET the call: %s", call.body()).isEqualTo(200);
        com.fasterxml.jackson.databind.node.ObjectNode view = (com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree(call.body());
        view.remove("journal");
        return view;
    }

    private static String abbreviated(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "... (" + text.length() + ")";
    }

    private static Case generate(Random random, String method, String template, String requestDefinition) {
        boolean calling = template.startsWith("/calling");
        String path = template.replaceAll("\\{[^}]+}", "§");
        StringBuilder filled = new StringBuilder();
        for (char c : path.toCharArray()) {
            filled.append(c == '§' ? PATH_VALUES.get(random.nextInt(PATH_VALUES.size())) : String.valueOf(c));
        }
        String query = calling ? QUERIES.get(random.nextInt(QUERIES.size())) : "";
        String chosenMethod = random.nextInt(10) == 0 ? List.of("GET", "POST", "PUT", "DELETE", "PATCH")
                .get(random.nextInt(5)) : method;
        String text = requestDefinition != null && random.nextInt(3) != 0
                ? nearlyValid(random, model(requestDefinition), 6, "").toString() : body(random);
        byte[] body = chosenMethod.equals("GET") ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
        return new Case(chosenMethod, filled + query, body, calling && random.nextInt(8) != 0);
    }

    private static String body(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> "";
            case 1 -> List.of("{", "[]", "null", "42", "\"text\"", "{\"a\":}", "{\"a\":1,}", "\u0000",
                    "{\"a\":\"\\ud800\"}", "{\"a\":1e99999}").get(random.nextInt(10));
            case 2 -> "[".repeat(2000) + "]".repeat(2000);
            case 3 -> "{\"a\":" + "{\"a\":".repeat(1500) + "1" + "}".repeat(1501);
            default -> object(random, 3).toString();
        };
    }

    /**
     * An instance of a request model with one in eight of its values replaced by a hostile one: required properties
     * always, others at random, enums from the model, identifiers and URLs that work.
     */
    private static JsonNode nearlyValid(Random random, JsonNode schema, int depth, String property) {
        if (schema.has("$ref")) {
            return nearlyValid(random, model(schema.path("$ref").asText()), depth, property);
        }
        if (depth <= 0 || random.nextInt(8) == 0) {
            return value(random, 1);
        }
        var nodes = JSON.getNodeFactory();
        if (schema.has("enum")) {
            return schema.path("enum").get(random.nextInt(schema.path("enum").size()));
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                var node = nodes.objectNode();
                java.util.Set<String> required = new java.util.HashSet<>();
                schema.path("required").forEach(name -> required.add(name.asText()));
                schema.path("properties").fieldNames().forEachRemaining(name -> {
                    if (required.contains(name) || random.nextInt(3) == 0) {
                        node.set(name, nearlyValid(random, schema.path("properties").path(name), depth - 1, name));
                    }
                });
                return node;
            }
            case "array" -> {
                var array = nodes.arrayNode();
                int items = 1 + random.nextInt(3);
                for (int i = 0; i < items; i++) {
                    array.add(nearlyValid(random, schema.path("items"), depth - 1, property));
                }
                return array;
            }
            case "integer", "number" -> {
                return nodes.numberNode(random.nextInt(schema.path("maximum").asInt(200) + 2));
            }
            case "boolean" -> {
                return nodes.booleanNode(random.nextBoolean());
            }
            default -> {
                String lower = property.toLowerCase(java.util.Locale.ROOT);
                if ((lower.endsWith("uri") || lower.endsWith("url") || lower.equals("endpoint"))
                        && random.nextInt(4) != 0) {
                    return nodes.textNode("http://127.0.0.1:9/" + property);
                }
                return nodes.textNode(List.of("8:acs:0a5e0000-ca11-4a7e-8000-000000000001_fuzz-" + random.nextInt(50),
                        "4:+1425555" + (1000 + random.nextInt(9000)), "+1800555" + (1000 + random.nextInt(9000)),
                        "http://127.0.0.1:9/callback", "https://127.0.0.1:9/audio.wav", "ctx-" + random.nextInt(9),
                        "00000000-0000-0000-0000-000000000000", "name\u0000with\r\ncontrol\u0007characters")
                        .get(random.nextInt(8)));
            }
        }
    }

    /** A model by name or reference: the spec's definitions, or the control API's {@code #/components/schemas/}. */
    private static JsonNode model(String nameOrReference) {
        String controlPrefix = "#/components/schemas/";
        if (nameOrReference.startsWith(controlPrefix)) {
            return CONTROL_API.path("components").path("schemas").path(nameOrReference.substring(controlPrefix.length()));
        }
        return DEFINITIONS.path(nameOrReference.replaceFirst("^#/definitions/", ""));
    }

    /** The reference of a control API operation's request body model, or null when it takes none. */
    private static String controlRequestModel(String method, String path) {
        JsonNode schema = CONTROL_API.path("paths").path(path).path(method.toLowerCase(java.util.Locale.ROOT))
                .path("requestBody").path("content").path("application/json").path("schema");
        return schema.has("$ref") ? schema.path("$ref").asText() : null;
    }

    private static JsonNode readControlApi() {
        try {
            return JSON.readTree(Path.of("..", "openapi", "control-api.json").toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode object(Random random, int depth) {
        var node = JSON.createObjectNode();
        int fields = random.nextInt(6);
        for (int i = 0; i < fields; i++) {
            node.set(FIELDS.get(random.nextInt(FIELDS.size())), value(random, depth - 1));
        }
        return node;
    }

    private static JsonNode value(Random random, int depth) {
        var nodes = JSON.getNodeFactory();
        return switch (random.nextInt(depth <= 0 ? 7 : 10)) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.numberNode(List.of(-1L, 0L, 181L, Long.MAX_VALUE, Long.MIN_VALUE).get(random.nextInt(5)));
            case 2 -> nodes.numberNode(random.nextBoolean() ? 1e308 : -0.5);
            case 3 -> nodes.booleanNode(random.nextBoolean());
            case 4 -> nodes.textNode(List.of("", "::::", "8:acs:", "4:+1", "http://127.0.0.1:9/cb", "https://",
                    "P1000000000D", "PT-1S", "answer", "\u0000\r\n\u0007", "x".repeat(20_000), "ftp://x/",
                    "8:acs:0a5e0000-ca11-4a7e-8000-000000000001_busy").get(random.nextInt(13)));
            case 5 -> nodes.textNode("8:acs:0a5e0000-ca11-4a7e-8000-000000000001_" + random.nextInt(1000));
            case 6 -> nodes.textNode(Integer.toString(random.nextInt()));
            case 7, 8 -> object(random, depth - 1);
            default -> {
                var array = nodes.arrayNode();
                int items = random.nextInt(4);
                for (int i = 0; i < items; i++) {
                    array.add(value(random, depth - 1));
                }
                yield array;
            }
        };
    }

    /** What is wrong with the answer to {@code fuzz}, or null when it is a proper answer. */
    private static String problemWith(Case fuzz) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = send(fuzz);
        } catch (HttpTimeoutException e) {
            return "no answer within " + ANSWER_WITHIN;
        } catch (IOException e) {
            return "connection failed: " + e;
        }
        int status = response.statusCode();
        STATUSES.merge(status, 1, Integer::sum);
        if (status >= 500 && status != 501) {
            return status + " " + response.body();
        }
        if (status >= 400) {
            try {
                JsonNode error = JSON.readTree(response.body()).path("error");
                if (!error.path("code").isTextual() || !error.path("message").isTextual()) {
                    return status + " without the error format: " + response.body();
                }
                if (error.path("message").asText().matches("(?s).*\\b(java|io\\.netty|com\\.fasterxml)\\.[a-z].*")) {
                    return status + " names a class: " + response.body();
                }
            } catch (IOException e) {
                return status + " with a body that is not JSON: " + response.body();
            }
        }
        return null;
    }

    private static HttpResponse<String> send(Case fuzz) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + emulator.httpPort()
                + fuzz.pathAndQuery())).timeout(ANSWER_WITHIN).header("Content-Type", "application/json")
                .method(fuzz.method(), fuzz.body().length == 0 && fuzz.method().equals("GET")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(fuzz.body()));
        if (fuzz.signed()) {
            for (Map.Entry<String, String> header : signer.headers(fuzz.method(), fuzz.pathAndQuery(),
                    "127.0.0.1:" + emulator.httpPort(), fuzz.body()).entrySet()) {
                request.header(header.getKey(), header.getValue());
            }
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
