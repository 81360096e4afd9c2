package dev.acsemulator.conformance.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One scenario distilled from the callbacks the real service sent to an Azure SDK live test
 * ({@code src/test/resources/golden/*.json}): where it came from, the api-version, the people in it, the actions in
 * order, the IncomingCall each app-owned person received, and per connection the callback events, with ids, times
 * and redacted values written as {@code <opaque>}, {@code <time>}, {@code <redacted>} and connections and people as
 * {@code {name}}.
 */
public record GoldenScenario(String name, JsonNode json) {

    static final String FOLDER = "golden";
    /**
     * A regular expression that, when set ({@code -Dgolden.scenarios=net-AnswerCall.*}), limits {@link #all} to the
     * scenarios whose names match it: a narrow run while distilling or fixing a few.
     */
    static final String FILTER_PROPERTY = "golden.scenarios";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Every distilled scenario on the test class path, by name (those {@value #FILTER_PROPERTY} matches, when set). */
    public static List<GoldenScenario> all() {
        Pattern only = Pattern.compile(System.getProperty(FILTER_PROPERTY, ".*"));
        URL folder = GoldenScenario.class.getClassLoader().getResource(FOLDER);
        if (folder == null) {
            throw new IllegalStateException("no " + FOLDER + "/ folder on the test class path");
        }
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            List<GoldenScenario> scenarios = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String fileName = file.getFileName().toString();
                String name = fileName.substring(0, fileName.length() - ".json".length());
                if (only.matcher(name).matches()) {
                    scenarios.add(load(name));
                }
            }
            return scenarios;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static GoldenScenario load(String name) {
        return new GoldenScenario(name, readResource(FOLDER + "/" + name + ".json"));
    }

    static JsonNode readResource(String path) {
        try (InputStream in = GoldenScenario.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String apiVersion() {
        return json.path("apiVersion").asText();
    }

    /** Person name to the kind of identity that stands in for them ({@code appUser}, {@code sourceUser}, ...). */
    public Map<String, String> people() {
        Map<String, String> people = new LinkedHashMap<>();
        json.path("people").properties().forEach(e -> people.put(e.getKey(), e.getValue().asText()));
        return people;
    }

    public List<JsonNode> actions() {
        List<JsonNode> actions = new ArrayList<>();
        json.path("actions").forEach(actions::add);
        return actions;
    }

    /** What the recording holds: per connection its events, and per app-owned person its IncomingCall data. */
    public Observed recorded() {
        Map<String, List<JsonNode>> connections = new LinkedHashMap<>();
        json.path("connections").properties().forEach(e -> {
            List<JsonNode> events = new ArrayList<>();
            e.getValue().forEach(events::add);
            connections.put(e.getKey(), events);
        });
        Map<String, JsonNode> incoming = new LinkedHashMap<>();
        json.path("incomingCalls").properties().forEach(e -> incoming.put(e.getKey(), e.getValue()));
        return new Observed(connections, incoming);
    }

    @Override
    public String toString() {
        return name;
    }
}
