package dev.acsemulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.Emulator;
import dev.acsemulator.config.EmulatorConfig;
import dev.acsemulator.conformance.support.SignedHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The official JS SDK 1.6.0 records a call with the emulator (side-channels.md C): it starts a recording by the
 * call's connection id, pauses, resumes and stops it, RecordingFileStatusUpdated comes through Event Grid, and the
 * SDK's own downloadToPath, downloadToStream and downloadStreaming fetch the WAV from
 * {@code acs-emulator.asm.skype.com} (the only kind of host the SDK downloads from), which the Node process maps to
 * the emulator as a hosts entry would; then the SDK deletes it, and a file that is not there makes it throw with status
 * 404. Needs node and npm; without them it is skipped.
 */
class JsRecordingAcceptanceTest extends ConformanceTest {

    private static final String HOST = "acs-emulator.asm.skype.com";

    @Test
    void theJsSdkRecordsPausesResumesStopsAndDownloadsTheWavOfTheUnpausedLengthThroughTheAsmHost(
            @TempDir Path dataDir) throws Exception {
        Path scripts = Path.of("js-parser").toAbsolutePath();
        JsEventParserAcceptanceTest.installParser(scripts);
        try (Emulator emulator = withRecordingHost(dataDir)) {
            SignedHttp http = new SignedHttp(emulator);
            String filesPath = newCallbackPath();
            String callConnectionId = recordableCallOn(http, filesPath, newCallbackPath());
            String statePath = newCallbackPath();

            Process node = recordingScript(scripts, emulator, dataDir);
            try (Writer commands = new java.io.OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8);
                 BufferedReader answers = new BufferedReader(new InputStreamReader(node.getInputStream(),
                         StandardCharsets.UTF_8))) {
                Sdk sdk = new Sdk(commands, answers);
                JsonNode started = sdk.run(command("start").put("callConnectionId", callConnectionId)
                        .put("stateUrl", receiver.url(statePath)));
                String id = started.path("recordingId").asText();
                assertThat(started.path("recordingState").asText()).isEqualTo("inactive");
                receiver.awaitEventSequence(statePath, "RecordingStateChanged");
                await().pollDelay(Duration.ofMillis(700)).until(() -> true);
                sdk.run(command("pause").put("recordingId", id));
                receiver.awaitEventSequence(statePath, "RecordingStateChanged", "RecordingStateChanged");
                await().pollDelay(Duration.ofMillis(500)).until(() -> true);
                sdk.run(command("resume").put("recordingId", id));
                receiver.awaitEventSequence(statePath, "RecordingStateChanged", "RecordingStateChanged",
                        "RecordingStateChanged");
                await().pollDelay(Duration.ofMillis(600)).until(() -> true);
                sdk.run(command("stop").put("recordingId", id));
                receiver.awaitEventSequence(statePath, "RecordingStateChanged", "RecordingStateChanged",
                        "RecordingStateChanged", "RecordingStateChanged");
                Duration unpaused = Duration.between(stateTime(statePath, 0), stateTime(statePath, 1))
                        .plus(Duration.between(stateTime(statePath, 2), stateTime(statePath, 3)));

                await().atMost(Duration.ofSeconds(15)).until(() -> receiver.notifications(filesPath).stream()
                        .anyMatch(event -> event.path("subject").asText().endsWith("/recordingId/" + id)));
                JsonNode chunk = receiver.notifications(filesPath).stream()
                        .filter(event -> event.path("subject").asText().endsWith("/recordingId/" + id)).findFirst()
                        .orElseThrow().path("data").path("recordingStorageInfo").path("recordingChunks").get(0);
                String content = chunk.path("contentLocation").asText();
                assertThat(content).startsWith("https://" + HOST + ":" + emulator.httpsPort() + "/");

                Path wav = dataDir.resolve("downloaded.wav");
                JsonNode toPath = sdk.run(command("downloadToPath").put("url", content).put("path", wav.toString()));
                byte[] bytes = Files.readAllBytes(wav);
                assertThat(toPath.path("bytes").asLong()).isEqualTo(bytes.length);
                assertThat(Base64.getDecoder().decode(sdk.run(command("downloadToStream").put("url", content))
                        .path("base64").asText())).as("downloadToStream").isEqualTo(bytes);
                assertThat(Base64.getDecoder().decode(sdk.run(command("downloadStreaming").put("url", content))
                        .path("base64").asText())).as("downloadStreaming").isEqualTo(bytes);
                assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
                assertThat(new String(bytes, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");
                ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
                assertThat(header.getShort(22)).as("mixed: one channel").isEqualTo((short) 1);
                assertThat(header.getInt(24)).isEqualTo(16_000);
                assertThat((bytes.length - 44L) / 2 * 1000 / 16_000).as("the unpaused length, %s", unpaused)
                        .isCloseTo(unpaused.toMillis(), org.assertj.core.data.Offset.offset(50L));

                sdk.run(command("delete").put("url", chunk.path("deleteLocation").asText()));
                assertThat(sdk.fails(command("downloadToStream").put("url", content)).path("statusCode").asInt())
                        .as("the deleted file's download throws with its status").isEqualTo(404);
                assertThat(http.send("GET", content.substring(content.indexOf("/v1/objects/")), null).statusCode())
                        .as("deleted").isEqualTo(404);
            } finally {
                node.destroy();
                node.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * A file that is not there is a 404 with an empty body, as the recording storage answers (side-channels.md C2):
     * the SDK's downloadToPath, downloadToStream, downloadStreaming and delete then throw with status 404. (It parses
     * any body of a failed request as JSON {@code {status, message}}: the API's error JSON would leave it no status.)
     */
    @Test
    void aMissingRecordingFileMakesEveryDownloadAndTheDeleteOfTheJsSdkThrowWithStatus404(@TempDir Path dataDir)
            throws Exception {
        Path scripts = Path.of("js-parser").toAbsolutePath();
        JsEventParserAcceptanceTest.installParser(scripts);
        try (Emulator emulator = Emulator.start(EmulatorConfig.builder().httpsPort(0).httpPort(-1).dataDir(dataDir)
                .recordingHost(HOST).build())) {
            String object = "https://" + HOST + ":" + emulator.httpsPort() + "/v1/objects/0-eus-d0-"
                    + java.util.UUID.randomUUID().toString().replace("-", "");
            String content = object + "/content/audio";
            Process node = recordingScript(scripts, emulator, dataDir);
            try (Writer commands = new java.io.OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8);
                 BufferedReader answers = new BufferedReader(new InputStreamReader(node.getInputStream(),
                         StandardCharsets.UTF_8))) {
                Sdk sdk = new Sdk(commands, answers);
                Path wav = dataDir.resolve("missing.wav");
                for (ObjectNode missing : java.util.List.of(
                        command("downloadToPath").put("url", content).put("path", wav.toString()),
                        command("downloadToStream").put("url", content),
                        command("downloadStreaming").put("url", object + "/content/acsmetadata"),
                        command("delete").put("url", object))) {
                    assertThat(sdk.fails(missing).path("statusCode").asInt()).as("%s", missing).isEqualTo(404);
                }
                assertThat(wav).as("nothing was written").doesNotExist();
            } finally {
                node.destroy();
                node.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private Instant stateTime(String statePath, int index) {
        return Instant.parse(receiver.received(statePath).get(index).json().get(0).path("time").asText());
    }

    /** An emulator of its own whose recording files are served under {@link #HOST}. */
    static Emulator withRecordingHost(Path dataDir) {
        return Emulator.start(EmulatorConfig.builder().httpsPort(0).httpPort(-1).dataDir(dataDir).recordingHost(HOST)
                .build());
    }

    /** {@code recording.js} in a Node process that signs for {@code emulator} and trusts its certificate. */
    static Process recordingScript(Path scripts, Emulator emulator, Path dataDir) throws IOException {
        ProcessBuilder nodeProcess = new ProcessBuilder("node", "recording.js").directory(scripts.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        nodeProcess.environment().put("ACS_CONNECTION_STRING", emulator.connectionString());
        nodeProcess.environment().put("NODE_EXTRA_CA_CERTS", dataDir.resolve("emulator-cert.pem").toString());
        return nodeProcess.start();
    }

    static ObjectNode command(String op) {
        return MAPPER.createObjectNode().put("op", op);
    }

    /** The Node process: one command line in, one answer line out. */
    record Sdk(Writer commands, BufferedReader answers) {
        JsonNode run(ObjectNode command) throws IOException {
            JsonNode answer = send(command);
            assertThat(answer.has("error")).as("%s: %s", command.path("op").asText(), answer).isFalse();
            return answer;
        }

        /** Runs a command that must fail (the SDK throws); returns the error and its status. */
        JsonNode fails(ObjectNode command) throws IOException {
            JsonNode answer = send(command);
            assertThat(answer.has("error")).as("%s should fail: %s", command.path("op").asText(), answer).isTrue();
            return answer;
        }

        private JsonNode send(ObjectNode command) throws IOException {
            commands.write(MAPPER.writeValueAsString(command) + "\n");
            commands.flush();
            String line = answers.readLine();
            assertThat(line).as("an answer from node to %s", command).isNotNull();
            return MAPPER.readTree(line);
        }
    }
}
