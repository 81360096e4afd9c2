package dev.acsemulator.conformance.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import dev.acsemulator.conformance.support.SignedHttp;
import dev.acsemulator.conformance.support.TranscriptServer;
import dev.acsemulator.junit5.CallbackReceiver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * Plays a {@link GoldenScenario} against the emulator with signed raw HTTP at the recording's api-version, with a
 * fresh identity standing in for each person of the recorded test and a callback path of its own for each
 * connection, and collects what the emulator sent back as an {@link Observed}, with ids replaced by the scenario's
 * names ({@link #symbols()}).
 *
 * <p>People: {@code sourceUser} is the calling app's own ACS user (the SDK's {@code sourceIdentity}), {@code appUser}
 * an ACS user the suite's Event Grid subscription routes to the test (the recorded test answered it through its
 * dispatcher), {@code personWhoNeverAnswers} a simulated person who lets the call ring, {@code ownedPhoneNumber} a
 * number the resource owns that may be shown as caller id, and {@code appPhoneNumber} another one whose calls the
 * suite's Event Grid subscription routes to the test (the recorded PSTN tests called one of their own numbers).
 */
public final class GoldenReplay {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)(?::([A-Za-z]+))?}");
    private static final Duration WAIT = Duration.ofSeconds(15);
    /**
     * Stands in for the Azure AI services resource the recorded tests linked to their calls: the emulator only
     * needs the call to have one (text and SSML fail without it), it does not call it.
     */
    private static final String COGNITIVE_SERVICES_ENDPOINT = "https://golden-replay.cognitiveservices.azure.com/";
    /** After the last action, the replay ends once no callback has arrived for this long. */
    private static final Duration QUIET = Duration.ofMillis(800);
    /** How long to wait, after the last action, for as many events as the recording holds (a machine under load). */
    private static final Duration RECORDED_COUNT_WAIT = Duration.ofSeconds(5);

    private final GoldenScenario scenario;
    private final SignedHttp http;
    private final CallbackReceiver receiver;
    private final String run = UUID.randomUUID().toString();
    private final Map<String, String> rawIds = new LinkedHashMap<>();
    private final Map<String, String> connectionIds = new LinkedHashMap<>();
    private final Map<String, JsonNode> responses = new HashMap<>();
    private final Map<String, JsonNode> incomingCalls = new LinkedHashMap<>();
    private final Map<String, String> variables = new HashMap<>();
    private final GoldenMedia media;
    /** The application's WebSocket server for transcription, opened when a scenario names it. */
    private TranscriptServer transcriptTransport;

    public GoldenReplay(GoldenScenario scenario, SignedHttp http, CallbackReceiver receiver) {
        this.scenario = scenario;
        this.http = http;
        this.receiver = receiver;
        scenario.people().forEach((person, kind) -> rawIds.put(person, identityFor(kind)));
        this.media = new GoldenMedia(scenario.name(), scenario.json().path("media"));
    }

    private static String identityFor(String kind) {
        String unique = UUID.randomUUID().toString();
        return switch (kind) {
            case "appUser" -> EmulatorUnderTest.APP_USER_PREFIX + unique;
            case "sourceUser" -> EmulatorUnderTest.RESOURCE_USER_PREFIX + unique;
            case "personWhoNeverAnswers" -> EmulatorUnderTest.RESOURCE_USER_PREFIX + unique + "_noanswer";
            case "ownedPhoneNumber" -> "4:" + EmulatorUnderTest.OWNED_NUMBER;
            case "appPhoneNumber" -> "4:" + EmulatorUnderTest.APP_PHONE_NUMBER;
            default -> throw new IllegalArgumentException("unknown kind of person in a golden scenario: " + kind);
        };
    }

    /**
     * What a replay gave: the emulator's callbacks, or, when an action was answered otherwise than in the recording,
     * that difference (the actions after it cannot run, so the callbacks are not compared).
     */
    public record Outcome(Observed observed, String refusedAction) {
    }

    /**
     * Runs every action, waits until the callbacks stop, and returns what the emulator sent, symbolised: for each
     * connection and IncomingCall the recording holds (a connection the recorded test did not listen to, such as one
     * answered with another callback URI, has nothing to be compared with).
     */
    public Outcome play() {
        try (media) {
            return playActions();
        } finally {
            if (transcriptTransport != null) {
                transcriptTransport.close();
            }
        }
    }

    private Outcome playActions() {
        for (int i = 0; i < scenario.actions().size(); i++) {
            JsonNode action = scenario.actions().get(i);
            switch (action.path("do").asText()) {
                case "request" -> {
                    String refused = request(i, action);
                    if (refused != null) {
                        awaitQuiet();
                        return new Outcome(observed(), refused);
                    }
                }
                case "awaitIncomingCall" -> awaitIncomingCall(action.path("to").asText());
                case "awaitEvent" -> awaitEvent(action.path("connection").asText(), action.path("type").asText(),
                        action.path("count").asInt(1));
                default -> throw new IllegalArgumentException(scenario + " action " + i + ": unknown " + action);
            }
        }
        awaitRecordedEventCounts();
        awaitQuiet();
        return new Outcome(observed(), null);
    }

    /** The emulator's ids (connection ids, raw ids) to the scenario's names, written {@code {name}}. */
    public Map<String, String> symbols() {
        Map<String, String> symbols = new LinkedHashMap<>();
        connectionIds.forEach((name, id) -> symbols.put(id, "{" + name + "}"));
        rawIds.forEach((name, id) -> symbols.put(id, "{" + name + "}"));
        return symbols;
    }

    /** Sends one request; null when it was answered with the recorded status, else the difference. */
    private String request(int index, JsonNode action) {
        String path = substitute(action.path("path").asText()) + "?api-version=" + scenario.apiVersion();
        String body = action.has("body") ? resolve(action.path("body")).toString() : null;
        HttpResponse<String> response = http.send(action.path("method").asText(), path, body);
        int expected = action.path("status").asInt();
        if (response.statusCode() != expected) {
            String errorCode = parse(response.body()).path("error").path("code").asText();
            return "action " + (index + 1) + " " + action.path("operation").asText() + " status: recorded " + expected
                    + ", emulator " + response.statusCode() + " " + errorCode + " (the scenario stops here)";
        }
        JsonNode json = parse(response.body());
        String as = action.path("as").asText(null);
        if (as != null) {
            responses.put(as, json);
            connectionIds.put(as, json.path("callConnectionId").asText());
        }
        action.path("capture").properties().forEach(
                capture -> variables.put(capture.getValue().asText(), json.path(capture.getKey()).asText()));
        return null;
    }

    private void awaitIncomingCall(String person) {
        String rawId = rawIds.get(person);
        JsonNode event = await().atMost(WAIT).until(() -> incomingCallTo(rawId), Optional::isPresent).orElseThrow();
        incomingCalls.put(person, event.path("data"));
    }

    private Optional<JsonNode> incomingCallTo(String rawId) {
        return receiver.notifications(EmulatorUnderTest.INCOMING_PATH).stream()
                .filter(event -> rawId.equals(event.path("data").path("to").path("rawId").asText()))
                .findFirst();
    }

    /** Waits until the connection has had {@code count} events of the type (the recorded test's n-th wait for it). */
    private void awaitEvent(String connection, String type, int count) {
        await().atMost(WAIT).until(() -> receiver.eventTypes(callbackPath(connection)),
                types -> Collections.frequency(types, type) >= count);
    }

    /**
     * Waits, for a while, until every recorded connection has had at least as many events other than rosters as the
     * recording holds, so that a slow machine does not end the replay early; fewer after that is a difference.
     */
    private void awaitRecordedEventCounts() {
        try {
            await().atMost(RECORDED_COUNT_WAIT).until(() -> scenario.recorded().connections().entrySet().stream()
                    .allMatch(e -> nonRosterEvents(e.getKey()) >= e.getValue().stream()
                            .filter(event -> !GoldenComparator.type(event).equals("ParticipantsUpdated")).count()));
        } catch (org.awaitility.core.ConditionTimeoutException fewerThanRecorded) {
            // the comparison reports what is missing
        }
    }

    private long nonRosterEvents(String connection) {
        return connectionIds.containsKey(connection) ? receiver.eventTypes(callbackPath(connection)).stream()
                .filter(type -> !type.equals("ParticipantsUpdated")).count() : 0;
    }

    private void awaitQuiet() {
        AtomicInteger lastCount = new AtomicInteger(-1);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).during(QUIET)
                .until(() -> lastCount.getAndSet(callbackCount()) == callbackCount());
    }

    private int callbackCount() {
        int count = 0;
        for (String connection : connectionIds.keySet()) {
            count += receiver.received(callbackPath(connection)).size();
        }
        return count;
    }

    private Observed observed() {
        Map<String, String> symbols = symbols();
        Map<String, List<JsonNode>> connections = new LinkedHashMap<>();
        for (String connection : scenario.recorded().connections().keySet()) {
            List<JsonNode> events = new ArrayList<>();
            for (CallbackReceiver.Received post : connectionIds.containsKey(connection)
                    ? receiver.received(callbackPath(connection)) : List.<CallbackReceiver.Received>of()) {
                if (post.isCallback()) {
                    post.json().forEach(event -> events.add(symbolise(event, symbols)));
                }
            }
            connections.put(connection, events);
        }
        Map<String, JsonNode> incoming = new LinkedHashMap<>();
        incomingCalls.forEach((person, data) -> {
            if (scenario.recorded().incomingCalls().containsKey(person)) {
                incoming.put(person, symbolise(data, symbols));
            }
        });
        return new Observed(connections, incoming);
    }

    /** A copy with every occurrence of a known id, in any string, replaced by its name. */
    static JsonNode symbolise(JsonNode node, Map<String, String> symbols) {
        if (node.isTextual()) {
            String text = node.asText();
            for (Map.Entry<String, String> symbol : symbols.entrySet()) {
                text = text.replace(symbol.getKey(), symbol.getValue());
            }
            return TextNode.valueOf(text);
        }
        if (node.isObject()) {
            ObjectNode copy = MAPPER.createObjectNode();
            node.properties().forEach(e -> copy.set(e.getKey(), symbolise(e.getValue(), symbols)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = MAPPER.createArrayNode();
            node.forEach(element -> copy.add(symbolise(element, symbols)));
            return copy;
        }
        return node;
    }

    private String callbackPath(String connection) {
        return "/golden/" + scenario.name() + "/" + run + "/" + connection;
    }

    /** The action's body with its placeholders filled; {@code "${identifier:person}"} becomes an identifier object. */
    private JsonNode resolve(JsonNode template) {
        if (template.isTextual()) {
            Matcher whole = PLACEHOLDER.matcher(template.asText());
            if (whole.matches() && whole.group(1).startsWith("identifier")) {
                return identifier(whole.group(1), rawIds.get(whole.group(2)));
            }
            return TextNode.valueOf(substitute(template.asText()));
        }
        if (template.isObject()) {
            ObjectNode copy = MAPPER.createObjectNode();
            template.properties().forEach(e -> copy.set(e.getKey(), resolve(e.getValue())));
            return copy;
        }
        if (template.isArray()) {
            ArrayNode copy = MAPPER.createArrayNode();
            template.forEach(element -> copy.add(resolve(element)));
            return copy;
        }
        return template;
    }

    /**
     * As the SDKs write it: Java and later .NET with {@code kind}; the .NET SDK of 2023 without. A raw id
     * {@code 4:+...} is a phone number ({@code phoneNumber.value}), any other an ACS user.
     */
    private static ObjectNode identifier(String style, String rawId) {
        boolean phone = rawId.startsWith("4:");
        ObjectNode identifier = MAPPER.createObjectNode();
        identifier.put("rawId", rawId);
        switch (style) {
            case "identifier" -> identifier.put("kind", phone ? "phoneNumber" : "communicationUser");
            case "identifierWithoutKind" -> { }
            default -> throw new IllegalArgumentException("unknown identifier placeholder " + style);
        }
        if (phone) {
            identifier.putObject("phoneNumber").put("value", rawId.substring(2));
        } else {
            identifier.putObject("communicationUser").put("id", rawId);
        }
        return identifier;
    }

    private String substitute(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(value(matcher.group(1), matcher.group(2))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String value(String kind, String name) {
        String value = switch (kind) {
            case "rawId" -> rawIds.get(name);
            case "rawIdInPath" -> java.net.URLEncoder.encode(rawIds.get(name), java.nio.charset.StandardCharsets.UTF_8);
            case "phoneNumber" -> rawIds.containsKey(name) && rawIds.get(name).startsWith("4:")
                    ? rawIds.get(name).substring(2) : null;
            case "callback" -> receiver.url(callbackPath(name));
            case "connection" -> connectionIds.get(name);
            case "incomingCallContext" -> incomingCalls.containsKey(name)
                    ? incomingCalls.get(name).path("incomingCallContext").asText() : null;
            case "serverCallId" -> responses.containsKey(name)
                    ? responses.get(name).path("serverCallId").asText() : null;
            case "media" -> media.url(name);
            case "cognitiveServicesEndpoint" -> COGNITIVE_SERVICES_ENDPOINT;
            case "transcriptTransport" -> transcriptTransport().url();
            default -> name == null ? variables.get(kind) : null;
        };
        if (value == null) {
            throw new IllegalStateException(scenario + ": nothing known yet for ${" + kind
                    + (name == null ? "" : ":" + name) + "}");
        }
        return value;
    }

    private TranscriptServer transcriptTransport() {
        if (transcriptTransport == null) {
            transcriptTransport = new TranscriptServer();
        }
        return transcriptTransport;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MAPPER.createObjectNode();
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
