package dev.acsemulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.api.schema.ApiVersionInfo;
import dev.acsemulator.api.schema.SchemaRegistry;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs last: every callback body the suite received goes through the official JS SDK 1.6.0's
 * {@code parseCallAutomationEvent} (sdk-wire-facts.md §8), which must turn each into its typed event (each of the
 * types its api-version, 2026-03-12, has: preview-only events never reach its apps), a RecognizeCompleted with the
 * result its recognitionType names (dtmf, choices and speech are each seen). The Java SDK's
 * parser already parsed each of them in the scenarios. Needs node and npm; without them it is skipped, saying why.
 */
@Order(Integer.MAX_VALUE)
class JsEventParserAcceptanceTest extends ConformanceTest {

    private static final Set<String> NEEDS_PARTICIPANT = Set.of("AddParticipantSucceeded", "AddParticipantFailed",
            "RemoveParticipantSucceeded", "RemoveParticipantFailed", "MoveParticipantSucceeded",
            "MoveParticipantFailed");

    /** The api-version the JS SDK 1.6.0 sends; its apps get only the event types that version has. */
    private static final ApiVersionInfo JS_SDK_API_VERSION = SchemaRegistry.loadFromClasspath().version("2026-03-12")
            .orElseThrow();

    @Test
    void theJsSdkParsesEveryCallbackTheSuiteReceived() throws Exception {
        Path parser = Path.of("js-parser").toAbsolutePath();
        installParser(parser);
        List<String> bodies = receiver.allCallbackBodies();
        assertThat(bodies).as("callbacks received by the suite").isNotEmpty();
        Process node = new ProcessBuilder("node", "parse.js").directory(parser.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        node.getOutputStream().write(MAPPER.writeValueAsBytes(bodies));
        node.getOutputStream().close();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        JsonNode results = MAPPER.readTree(output);
        assertThat(results).hasSize(bodies.size());
        Set<String> kinds = new HashSet<>();
        Set<String> recognitionTypes = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            JsonNode result = results.get(i);
            String type = MAPPER.readTree(bodies.get(i)).get(0).path("type").asText()
                    .replace("Microsoft.Communication.", "");
            if (!JS_SDK_API_VERSION.hasEvent(type)) {
                continue; // a preview-only event (HoldAudioStarted, ...): it never reaches an app on this SDK
            }
            if (result.has("error")) {
                problems.add(type + ": " + result.path("error").asText());
            } else if (!result.path("kind").asText().equals(type)) {
                problems.add(type + " parsed as " + result.path("kind").asText());
            } else if (NEEDS_PARTICIPANT.contains(type) && !result.path("hasParticipant").asBoolean()) {
                problems.add(type + " has no participant");
            } else if (type.equals("RecognizeCompleted")) {
                recognitionProblem(result.path("recognized")).ifPresent(problems::add);
                recognitionTypes.add(result.path("recognized").path("type").asText());
            }
            kinds.add(type);
        }
        assertThat(problems).isEmpty();
        assertThat(recognitionTypes).as("recognition types of the RecognizeCompleted events parsed")
                .contains("dtmf", "choices", "speech");
        assertThat(kinds).contains("CallConnected", "ParticipantsUpdated", "CallDisconnected", "CreateCallFailed",
                "AnswerFailed", "ConnectFailed", "AddParticipantSucceeded", "AddParticipantFailed",
                "RemoveParticipantSucceeded", "RemoveParticipantFailed", "CancelAddParticipantSucceeded",
                "CancelAddParticipantFailed", "CallTransferAccepted", "CallTransferFailed", "MoveParticipantSucceeded",
                "HoldFailed", "RecognizeCompleted", "RecognizeFailed", "RecognizeCanceled");
        assertThat(EmulatorUnderTest.emulator()).isNotNull();
    }

    /** A RecognizeCompleted must carry, as the JS SDK reads it, the result its recognitionType names. */
    private static Optional<String> recognitionProblem(JsonNode recognized) {
        String type = recognized.path("type").asText();
        if (!Set.of("dtmf", "choices", "speech").contains(type)) {
            return Optional.of("RecognizeCompleted has recognitionType '" + type + "'");
        }
        if (recognized.path("value").isNull() || recognized.path("value").isMissingNode()) {
            return Optional.of("RecognizeCompleted of " + type + " has no " + type + " result");
        }
        return Optional.empty();
    }

    static void installParser(Path parser) throws IOException, InterruptedException {
        Assumptions.assumeTrue(onPath("node") && onPath("npm"), "node and npm are needed to run the JS SDK parser");
        if (Files.isDirectory(parser.resolve("node_modules/@azure/communication-call-automation"))) {
            return;
        }
        Process install = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund").directory(parser.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Assumptions.assumeTrue(install.waitFor(5, TimeUnit.MINUTES) && install.exitValue() == 0,
                "npm install of @azure/communication-call-automation 1.6.0 failed (no registry?)");
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
