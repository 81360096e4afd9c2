package dev.acsemulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.Emulator;
import dev.acsemulator.conformance.support.Mp4Boxes;
import dev.acsemulator.conformance.support.SignedHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.acsemulator.conformance.JsRecordingAcceptanceTest.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The recording of Microsoft's live-transcription sample ({@code Azure-Samples/communication-services-javascript-
 * quickstarts}, {@code callautomation-live-transcription}), through the official JS SDK 1.6.0 as the sample calls it:
 * a mixed audio-video MP4 recording by server call locator, started paused, resumed, stopped, and its file downloaded
 * with {@code downloadStreaming}. The file is an MP4 with a video track (a black picture, the emulator renders no
 * video) and the call's audio as MP3, as long as the unpaused recording. Needs node and npm; else skipped.
 */
class JsAudioVideoRecordingAcceptanceTest extends ConformanceTest {

    @Test
    void theLiveTranscriptionSamplesPausedAudioVideoRecordingIsAnMp4OfABlackPictureAndTheCallsAudio(
            @TempDir Path dataDir) throws Exception {
        Path scripts = Path.of("js-parser").toAbsolutePath();
        JsEventParserAcceptanceTest.installParser(scripts);
        try (Emulator emulator = JsRecordingAcceptanceTest.withRecordingHost(dataDir)) {
            SignedHttp http = new SignedHttp(emulator);
            String filesPath = newCallbackPath();
            String callConnectionId = recordableCallOn(http, filesPath, newCallbackPath());
            String serverCallId = json(http.send("GET", "/calling/callConnections/" + callConnectionId
                    + "?api-version=2026-03-12", null)).path("serverCallId").asText();
            String statePath = newCallbackPath();

            Process node = JsRecordingAcceptanceTest.recordingScript(scripts, emulator, dataDir);
            try (Writer commands = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8);
                 BufferedReader answers = new BufferedReader(new InputStreamReader(node.getInputStream(),
                         StandardCharsets.UTF_8))) {
                JsRecordingAcceptanceTest.Sdk sdk = new JsRecordingAcceptanceTest.Sdk(commands, answers);
                JsonNode started = sdk.run(command("startAudioVideoPaused").put("serverCallId", serverCallId)
                        .put("stateUrl", receiver.url(statePath)));
                String id = started.path("recordingId").asText();
                receiver.awaitEventSequence(statePath, "RecordingStateChanged");
                assertThat(state(statePath, 0).path("data").path("state").asText()).as("started paused")
                        .isEqualTo("inactive");
                sdk.run(command("resume").put("recordingId", id));
                receiver.awaitEventSequence(statePath, "RecordingStateChanged", "RecordingStateChanged");
                await().pollDelay(Duration.ofMillis(1_500)).until(() -> true);
                sdk.run(command("stop").put("recordingId", id));
                receiver.awaitEventSequence(statePath, "RecordingStateChanged", "RecordingStateChanged",
                        "RecordingStateChanged");
                Duration unpaused = Duration.between(Instant.parse(state(statePath, 1).path("time").asText()),
                        Instant.parse(state(statePath, 2).path("time").asText()));

                await().atMost(Duration.ofSeconds(15)).until(() -> receiver.notifications(filesPath).stream()
                        .anyMatch(event -> event.path("subject").asText().endsWith("/recordingId/" + id)));
                JsonNode data = receiver.notifications(filesPath).stream()
                        .filter(event -> event.path("subject").asText().endsWith("/recordingId/" + id)).findFirst()
                        .orElseThrow().path("data");
                assertThat(data.path("recordingContentType").asText()).isEqualTo("AudioVideo");
                assertThat(data.path("recordingFormatType").asText()).isEqualTo("Mp4");
                String content = data.path("recordingStorageInfo").path("recordingChunks").get(0)
                        .path("contentLocation").asText();
                assertThat(content).endsWith("/content/video");

                byte[] mp4 = Base64.getDecoder().decode(sdk.run(command("downloadStreaming").put("url", content))
                        .path("base64").asText());
                Mp4Boxes.Box file = Mp4Boxes.read(mp4);
                assertThat(file.children()).extracting(Mp4Boxes.Box::type).containsExactly("ftyp", "moov", "mdat");
                List<Mp4Boxes.Box> tracks = file.at("moov").all("trak");
                assertThat(tracks).extracting(Mp4Boxes::handler).containsExactly("vide", "soun");
                assertThat(tracks).extracting(Mp4Boxes::sampleEntry).containsExactly("avc1", "mp4a");
                Mp4Boxes.Box video = tracks.get(0);
                Mp4Boxes.Box audio = tracks.get(1);
                assertThat(Mp4Boxes.seconds(audio)).as("the unpaused length, %s", unpaused)
                        .isCloseTo(unpaused.toMillis() / 1000.0, within(0.3));
                assertThat(Mp4Boxes.seconds(video)).as("one black frame a second")
                        .isCloseTo(Math.ceil(Mp4Boxes.seconds(audio)), within(1.0));
                long mdatStart = mp4.length - file.at("mdat").body().limit();
                assertThat(Mp4Boxes.chunkOffset(video)).as("video first in mdat").isEqualTo(mdatStart);
                long videoBytes = Mp4Boxes.sampleSizes(video).stream().mapToLong(Long::longValue).sum();
                assertThat(Mp4Boxes.chunkOffset(audio)).isEqualTo(mdatStart + videoBytes);
                long audioBytes = Mp4Boxes.sampleSizes(audio).stream().mapToLong(Long::longValue).sum();
                assertThat(mdatStart + videoBytes + audioBytes).as("mdat holds the samples").isEqualTo(mp4.length);
                int audioStart = (int) Mp4Boxes.chunkOffset(audio);
                assertThat(mp4[audioStart] & 0xFF).as("an MP3 frame's sync").isEqualTo(0xFF);
                assertThat(mp4[audioStart + 1] & 0xFE).as("MPEG-2 Layer III").isEqualTo(0xF2);
                int videoStart = (int) Mp4Boxes.chunkOffset(video);
                assertThat(mp4[videoStart + 4] & 0x1F).as("the first NAL unit is a sequence parameter set")
                        .isEqualTo(7);
            } finally {
                node.destroy();
                node.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The {@code index}th RecordingStateChanged at the state callback, as a CloudEvent. */
    private JsonNode state(String statePath, int index) {
        return receiver.received(statePath).get(index).json().get(0);
    }
}
