package dev.acsemulator.conformance;

import com.azure.communication.callautomation.CallRecording;
import com.azure.communication.callautomation.models.FileSource;
import com.azure.communication.callautomation.models.RecordingChannel;
import com.azure.communication.callautomation.models.RecordingContent;
import com.azure.communication.callautomation.models.RecordingFormat;
import com.azure.communication.callautomation.models.RecordingState;
import com.azure.communication.callautomation.models.RecordingStateResult;
import com.azure.communication.callautomation.models.ServerCallLocator;
import com.azure.communication.callautomation.models.StartRecordingOptions;
import com.azure.communication.callautomation.models.events.RecordingStateChanged;
import com.azure.core.exception.HttpResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.conformance.support.AudioFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Call recording end to end (call-automation-behaviour.md §2.17, side-channels.md C): the Java SDK 1.0.4 starts,
 * pauses, resumes and stops a recording, its state arrives at the state callback, RecordingFileStatusUpdated comes
 * through an Event Grid subscription, and the SDK downloads the WAV and the metadata and deletes them; signed raw HTTP
 * for Range requests and the refusals.
 */
class RecordingAcceptanceTest extends ConformanceTest {

    private static final String FILE_STATUS = "Microsoft.Communication.RecordingFileStatusUpdated";
    private final CallRecording recording = client.getCallRecording();
    private String subscription;

    @AfterEach
    void unsubscribe() {
        if (subscription != null) {
            control.unsubscribe(subscription);
        }
    }

    @Test
    void theSdkRecordsPausesResumesStopsDownloadsTheWavAndDeletesIt(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        String filesPath = subscribeToRecordingFiles("");
        PersonCall call = connectedCallToPerson();
        String serverCallId = client.getCallConnection(call.callConnectionId()).getCallProperties().getServerCallId();
        String statePath = newCallbackPath();

        RecordingStateResult started = recording.start(new StartRecordingOptions(new ServerCallLocator(serverCallId))
                .setRecordingStateCallbackUrl(receiver.url(statePath)).setRecordingContent(RecordingContent.AUDIO)
                .setRecordingChannel(RecordingChannel.UNMIXED).setRecordingFormat(RecordingFormat.WAV));
        assertThat(started.getRecordingState()).isEqualTo(RecordingState.INACTIVE);
        String id = started.getRecordingId();
        receiver.awaitEventSequence(statePath, "RecordingStateChanged");
        Instant pressed = Instant.now();
        control.sendDtmf(serverCallId, call.person(), List.of("five"));
        await().pollDelay(Duration.ofMillis(800)).until(() -> true);
        recording.pause(id);
        receiver.awaitEventSequence(statePath, "RecordingStateChanged", "RecordingStateChanged");
        assertThat(recording.getState(id).getRecordingState()).isEqualTo(RecordingState.INACTIVE);
        recording.resume(id);
        receiver.awaitEventSequence(statePath, "RecordingStateChanged", "RecordingStateChanged",
                "RecordingStateChanged");
        recording.stop(id);

        receiver.awaitEventSequence(statePath, "RecordingStateChanged", "RecordingStateChanged",
                "RecordingStateChanged", "RecordingStateChanged");
        List<RecordingStateChanged> states = receiver.events(statePath).stream().map(RecordingStateChanged.class::cast).toList();
        assertThat(states).extracting(RecordingStateChanged::getRecordingState).containsExactly(
                RecordingState.ACTIVE, RecordingState.INACTIVE, RecordingState.ACTIVE, RecordingState.INACTIVE);
        assertThat(states).extracting(RecordingStateChanged::getRecordingId).containsOnly(id);
        JsonNode firstState = receiver.received(statePath).get(0).json().get(0);
        assertThat(firstState.path("source").asText())
                .isEqualTo("calling/recordings/" + serverCallId + "/" + id + "/RecordingStateChanged");
        Duration unpaused = Duration.between(stateTime(statePath, 0), stateTime(statePath, 1))
                .plus(Duration.between(stateTime(statePath, 2), stateTime(statePath, 3)));

        JsonNode file = awaitFileOf(filesPath, id);
        JsonNode data = file.path("data");
        assertThat(data.path("recordingDurationMs").asLong()).isCloseTo(unpaused.toMillis(),
                org.assertj.core.data.Offset.offset(50L));
        assertThat(data.path("recordingChannelType").asText()).isEqualTo("Unmixed");
        JsonNode chunk = data.path("recordingStorageInfo").path("recordingChunks").get(0);

        Path wav = dir.resolve("recording.wav");
        recording.downloadTo(chunk.path("contentLocation").asText(), wav);
        byte[] bytes = Files.readAllBytes(wav);
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(bytes, 8, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("WAVE");
        int channels = header.getShort(22);
        assertThat(channels).as("one channel per participant: the app and the person").isEqualTo(2);
        assertThat(header.getInt(24)).isEqualTo(16_000);
        long frames = (bytes.length - 44L) / 2 / channels;
        assertThat(frames * 1000 / 16_000).isCloseTo(unpaused.toMillis(), org.assertj.core.data.Offset.offset(50L));
        int personChannel = 1;
        long toneAt = Duration.between(stateTime(statePath, 0), pressed).toMillis() * 16;
        assertThat(peakPower(bytes, channels, personChannel, toneAt, 770))
                .as("the key five (770 Hz + 1336 Hz) in the person's channel near when it was pressed")
                .isGreaterThan(20 * peakPower(bytes, channels, personChannel, toneAt, 697));
        assertThat(peakPower(bytes, channels, personChannel, toneAt, 1336))
                .isGreaterThan(20 * peakPower(bytes, channels, personChannel, toneAt, 1209));
        assertThat(peakPower(bytes, channels, 0, toneAt, 770)).as("the app's channel stays silent").isZero();

        JsonNode metadata = MAPPER.readTree(recording.downloadContent(chunk.path("metadataLocation").asText())
                .toBytes());
        assertThat(metadata.path("participants").findValuesAsText("participantId")).contains(call.person());
        assertThat(metadata.path("pauseResumeIntervals")).hasSize(1);
        assertThat(metadata.path("chunkDuration").asLong()).isEqualTo(data.path("recordingDurationMs").asLong());

        recording.delete(chunk.path("deleteLocation").asText());
        assertThatThrownBy(() -> recording.downloadContent(chunk.path("contentLocation").asText()))
                .isInstanceOf(HttpResponseException.class)
                .satisfies(e -> assertThat(((HttpResponseException) e).getResponse().getStatusCode()).isEqualTo(404));
    }

    /**
     * A file that is not there is answered as the recording storage answered the Java SDK's live test of a missing
     * file (side-channels.md C2): 404 with an empty body, not the Call Automation API's error JSON; the SDK 1.0.4
     * raises it as an HttpResponseException 404 whichever way it downloads.
     */
    @Test
    void aMissingRecordingFileIsAnEmpty404ThatTheSdkRaisesAsHttpResponseException404(
            @org.junit.jupiter.api.io.TempDir Path dir) {
        String documentId = "0-eus-d0-" + UUID.randomUUID().toString().replace("-", "");
        String content = "/v1/objects/" + documentId + "/content/audio";

        for (HttpResponse<String> missing : List.of(http.send("GET", content, null),
                http.send("GET", "/v1/objects/" + documentId + "/content/acsmetadata", null),
                http.send("DELETE", "/v1/objects/" + documentId, null))) {
            assertThat(missing.statusCode()).as("%s", missing.request()).isEqualTo(404);
            assertThat(missing.body()).as("%s", missing.request()).isEmpty();
            assertThat(missing.headers().firstValue("Content-Length")).as("%s", missing.request()).contains("0");
        }
        String url = dev.acsemulator.conformance.support.EmulatorUnderTest.emulator().httpsEndpoint()
                + content.substring(1);
        java.util.function.Consumer<org.assertj.core.api.ThrowableAssert.ThrowingCallable> raises404 = download ->
                assertThatThrownBy(download).isInstanceOf(HttpResponseException.class).satisfies(e ->
                        assertThat(((HttpResponseException) e).getResponse().getStatusCode()).isEqualTo(404));
        raises404.accept(() -> recording.downloadContent(url));
        raises404.accept(() -> recording.downloadTo(url, new java.io.ByteArrayOutputStream()));
        raises404.accept(() -> recording.downloadTo(url, dir.resolve("missing.wav")));
        assertThat(dir.resolve("missing.wav")).as("the SDK cleans up the file it could not fill").doesNotExist();
    }

    @Test
    void aWavFilePlayedWithTheSdkIsFoundSampleForSampleInTheDownloadedMixedRecording(
            @org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        String filesPath = subscribeToRecordingFiles("");
        PersonCall call = connectedCallToPerson();
        String serverCallId = client.getCallConnection(call.callConnectionId()).getCallProperties().getServerCallId();
        String statePath = newCallbackPath();
        byte[] announcement = recognisableWav(400);
        try (AudioFiles files = new AudioFiles()) {
            String url = files.serve("/announcement.wav", announcement);
            String id = recording.start(new StartRecordingOptions(new ServerCallLocator(serverCallId))
                    .setRecordingStateCallbackUrl(receiver.url(statePath)).setRecordingContent(RecordingContent.AUDIO)
                    .setRecordingChannel(RecordingChannel.MIXED).setRecordingFormat(RecordingFormat.WAV))
                    .getRecordingId();
            receiver.awaitEventSequence(statePath, "RecordingStateChanged");

            client.getCallConnection(call.callConnectionId()).getCallMedia()
                    .playToAll(new FileSource().setUrl(url));
            receiver.awaitEventTypes(call.callbackPath(), types -> types.contains("PlayCompleted"));
            recording.stop(id);

            JsonNode chunk = awaitFileOf(filesPath, id).path("data").path("recordingStorageInfo")
                    .path("recordingChunks").get(0);
            Path wav = dir.resolve("mixed.wav");
            recording.downloadTo(chunk.path("contentLocation").asText(), wav);
            byte[] recorded = Files.readAllBytes(wav);
            byte[] played = java.util.Arrays.copyOfRange(announcement, 44, announcement.length);
            byte[] samples = java.util.Arrays.copyOfRange(recorded, 44, recorded.length);
            assertThat(indexOf(samples, played)).as("the played file's samples, whole, in the recording")
                    .isNotNegative();
        }
    }

    @Test
    void rangesAreAnsweredWithPartialContentAndTheFileSizeAndTheControlApiListsAndDeletesFiles() {
        String filesPath = subscribeToRecordingFiles(",\"schema\":\"CloudEventSchemaV1_0\"");
        PersonCall call = connectedCallToPerson();
        String statePath = newCallbackPath();
        String id = startRaw(call.callConnectionId(), statePath).path("recordingId").asText();
        receiver.awaitEventSequence(statePath, "RecordingStateChanged");
        assertThat(http.send("DELETE", "/calling/recordings/" + id + "?api-version=2026-03-12", null).statusCode())
                .isEqualTo(204);

        JsonNode file = awaitFileOf(filesPath, id);
        assertThat(file.path("specversion").asText()).isEqualTo("1.0");
        String content = file.path("data").path("recordingStorageInfo").path("recordingChunks").get(0)
                .path("contentLocation").asText();
        String path = content.substring(content.indexOf("/v1/objects/"));
        HttpResponse<String> whole = http.send("GET", path, null);
        HttpResponse<String> partial = http.send("GET", path, null, List.of("Range", "bytes=0-11"));
        HttpResponse<String> beyond = http.send("GET", path, null, List.of("Range", "bytes=99999999-"));

        assertThat(whole.statusCode()).isEqualTo(200);
        long size = Long.parseLong(whole.headers().firstValue("Content-Range").orElseThrow().replaceAll(".*/", ""));
        assertThat(partial.statusCode()).isEqualTo(206);
        assertThat(partial.headers().firstValue("Content-Range")).contains("bytes 0-11/" + size);
        assertThat(partial.body()).startsWith("RIFF").contains("WAVE");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(http.send("GET", path, null, new byte[32]).statusCode()).isEqualTo(401);

        String documentId = file.path("data").path("recordingStorageInfo").path("recordingChunks").get(0)
                .path("documentId").asText();
        JsonNode listed = json(http.send("GET", "/admin/recordings", null)).path("recordings");
        assertThat(listed.findValuesAsText("documentId")).contains(documentId);
        HttpResponse<String> withTheAdminToken = http.send("GET", "/admin/recordings/" + documentId + "/content", null);
        assertThat(withTheAdminToken.statusCode()).isEqualTo(200);
        assertThat(withTheAdminToken.headers().firstValue("Content-Type")).contains("audio/wav");
        assertThat(withTheAdminToken.body()).startsWith("RIFF").contains("WAVE");
        assertThat(http.send("DELETE", "/admin/recordings/" + documentId, null).statusCode()).isEqualTo(204);
        assertThat(http.send("GET", path, null).statusCode()).isEqualTo(404);
        assertThat(http.send("GET", "/admin/recordings/" + documentId + "/content", null).statusCode()).isEqualTo(404);
        assertThat(http.send("DELETE", "/admin/recordings/" + documentId, null).statusCode()).isEqualTo(404);
    }

    @Test
    void theServicesRefusalsForDuplicatesStoppedAndUnknownRecordings() {
        PersonCall call = connectedCallToPerson();
        String statePath = newCallbackPath();
        String id = startRaw(call.callConnectionId(), statePath).path("recordingId").asText();

        HttpResponse<String> duplicate = http.send("POST", "/calling/recordings?api-version=2026-03-12",
                "{\"callConnectionId\":\"" + call.callConnectionId() + "\"}");
        http.send("DELETE", "/calling/recordings/" + id + "?api-version=2026-03-12", null);
        HttpResponse<String> pauseStopped = http.send("POST", "/calling/recordings/" + id
                + ":pause?api-version=2026-03-12", null);
        HttpResponse<String> unknown = http.send("GET", "/calling/recordings/nope?api-version=2026-03-12", null);
        HttpResponse<String> both = http.send("POST", "/calling/recordings?api-version=2026-03-12",
                "{\"callConnectionId\":\"" + call.callConnectionId() + "\",\"callLocator\":{\"kind\":"
                        + "\"serverCallLocator\",\"serverCallId\":\"x\"}}");
        HttpResponse<String> mp4 = http.send("POST", "/calling/recordings?api-version=2026-03-12",
                "{\"callConnectionId\":\"" + call.callConnectionId() + "\",\"recordingFormatType\":\"mp4\"}");
        HttpResponse<String> unmixedMp3 = http.send("POST", "/calling/recordings?api-version=2026-03-12",
                "{\"callConnectionId\":\"" + call.callConnectionId() + "\",\"recordingFormatType\":\"mp3\","
                        + "\"recordingChannelType\":\"unmixed\"}");

        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(json(duplicate).path("error").path("code").asText()).isEqualTo("8553");
        assertThat(pauseStopped.statusCode()).isEqualTo(400);
        assertThat(json(pauseStopped).path("error").path("code").asText()).isEqualTo("8573");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(mp4.statusCode()).as("MP4 holds audio-video recordings").isEqualTo(400);
        assertThat(json(mp4).path("error").path("message").asText()).contains("audioVideo");
        assertThat(unmixedMp3.statusCode()).as("unmixed recordings are WAV only").isEqualTo(400);
        assertThat(json(unmixedMp3).path("error").path("message").asText()).contains("unmixed");
    }

    @Test
    void aRecordingHostNameIsInTheFileUrlsAndInTheCertificate(@org.junit.jupiter.api.io.TempDir Path dataDir)
            throws Exception {
        String host = "acs-emulator.asm.skype.com";
        try (dev.acsemulator.Emulator named = dev.acsemulator.Emulator.start(dev.acsemulator.config.EmulatorConfig
                .builder().httpsPort(0).httpPort(-1).dataDir(dataDir).recordingHost(host).build())) {
            dev.acsemulator.conformance.support.SignedHttp namedHttp =
                    new dev.acsemulator.conformance.support.SignedHttp(named);
            String content = recordOnce(namedHttp).path("contentLocation").asText();
            assertThat(content).startsWith("https://" + host + ":" + named.httpsPort() + "/v1/objects/");
            assertThat(named.tls().certificateChain().get(0).getSubjectAlternativeNames())
                    .anySatisfy(name -> assertThat(name.get(1)).isEqualTo(host));
            assertThat(namedHttp.send("GET", content.substring(content.indexOf("/v1/objects/")), null).statusCode())
                    .as("the same file under the emulator's own host").isEqualTo(200);
        }
    }

    @Test
    void onDiskARecordingFileOutlivesARestartAndIsListedServedAndDeletedByTheNextRun(
            @org.junit.jupiter.api.io.TempDir Path dataDir) throws Exception {
        dev.acsemulator.config.EmulatorConfig config = dev.acsemulator.config.EmulatorConfig.builder().httpsPort(0)
                .httpPort(-1).dataDir(dataDir).recordingStorage(dev.acsemulator.config.EmulatorConfig
                        .RecordingStorage.DISK).build();
        JsonNode chunk;
        byte[] before;
        try (dev.acsemulator.Emulator first = dev.acsemulator.Emulator.start(config)) {
            dev.acsemulator.conformance.support.SignedHttp firstHttp =
                    new dev.acsemulator.conformance.support.SignedHttp(first);
            chunk = recordOnce(firstHttp);
            before = firstHttp.sendForBytes("GET", objectPath(chunk.path("contentLocation").asText())).body();
        }
        assertThat(dataDir.resolve("recordings").resolve(chunk.path("documentId").asText())
                .resolve("content.wav")).exists();

        try (dev.acsemulator.Emulator second = dev.acsemulator.Emulator.start(config)) {
            dev.acsemulator.conformance.support.SignedHttp secondHttp =
                    new dev.acsemulator.conformance.support.SignedHttp(second);
            JsonNode listed = json(secondHttp.send("GET", "/admin/recordings", null)).path("recordings");
            assertThat(listed.findValuesAsText("documentId")).containsExactly(chunk.path("documentId").asText());
            HttpResponse<byte[]> after = secondHttp.sendForBytes("GET",
                    objectPath(chunk.path("contentLocation").asText()));
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.body()).isEqualTo(before);
            assertThat(secondHttp.send("GET", objectPath(chunk.path("metadataLocation").asText()), null).body())
                    .contains(chunk.path("documentId").asText());
            assertThat(secondHttp.send("DELETE", objectPath(chunk.path("deleteLocation").asText()), null)
                    .statusCode()).isEqualTo(200);
            assertThat(dataDir.resolve("recordings").resolve(chunk.path("documentId").asText())).doesNotExist();
        }
    }

    @Test
    void anMp3RecordingStartedWithTheSdkIsServedAsMpegLayer3FramesOfItsLength() {
        String filesPath = subscribeToRecordingFiles("");
        PersonCall call = connectedCallToPerson();
        String serverCallId = client.getCallConnection(call.callConnectionId()).getCallProperties().getServerCallId();
        String statePath = newCallbackPath();
        RecordingStateResult started = recording.start(new StartRecordingOptions(new ServerCallLocator(serverCallId))
                .setRecordingStateCallbackUrl(receiver.url(statePath)).setRecordingFormat(RecordingFormat.MP3)
                .setRecordingChannel(RecordingChannel.MIXED).setRecordingContent(RecordingContent.AUDIO));
        receiver.awaitEventSequence(statePath, "RecordingStateChanged");
        Instant active = stateTime(statePath, 0);
        recording.stop(started.getRecordingId());
        receiver.awaitEventSequence(statePath, "RecordingStateChanged", "RecordingStateChanged");
        Duration recorded = Duration.between(active, stateTime(statePath, 1));

        JsonNode data = awaitFileOf(filesPath, started.getRecordingId()).path("data");
        assertThat(data.path("recordingFormatType").asText()).isEqualTo("Mp3");
        byte[] mp3 = recording.downloadContent(data.path("recordingStorageInfo").path("recordingChunks").get(0)
                .path("contentLocation").asText()).toBytes();
        int frames = 0;
        for (int at = 0; at + 4 <= mp3.length; frames++) {
            assertThat(mp3[at] & 0xff).as("frame sync at byte %d", at).isEqualTo(0xff);
            assertThat(mp3[at + 1] & 0xfe).as("MPEG-2 Layer III").isEqualTo(0xf2);
            int kbps = new int[] {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}[(mp3[at + 2] >> 4) & 0xf];
            assertThat((mp3[at + 2] >> 2) & 0x3).as("16 kHz").isEqualTo(2);
            at += 72_000 * kbps / 16_000 + ((mp3[at + 2] >> 1) & 0x1);
        }
        assertThat(Duration.ofMillis(frames * 36L)).as("576 samples a frame at 16 kHz")
                .isBetween(recorded.minusMillis(100), recorded.plusMillis(300));
    }

    @Test
    void theRecordingResultOfThePreviewsNamesTheStoppedRecordingsChunkAndNoneBeforeItStopped() {
        String filesPath = subscribeToRecordingFiles("");
        PersonCall call = connectedCallToPerson();
        String statePath = newCallbackPath();
        String id = startRaw(call.callConnectionId(), statePath).path("recordingId").asText();
        String result = "/calling/recordings/" + id + "/result?api-version=2025-08-15-preview";
        HttpResponse<String> whileRecording = http.send("GET", result, null);
        receiver.awaitEventSequence(statePath, "RecordingStateChanged");
        http.send("DELETE", "/calling/recordings/" + id + "?api-version=2026-03-12", null);
        JsonNode chunk = awaitFileOf(filesPath, id).path("data").path("recordingStorageInfo").path("recordingChunks")
                .get(0);

        HttpResponse<String> stopped = http.send("GET", result, null);
        HttpResponse<String> olderPreview = http.send("GET", "/calling/recordings/" + id
                + "/result?api-version=2024-09-01-preview", null);
        HttpResponse<String> stable = http.send("GET", "/calling/recordings/" + id + "/result?api-version=2026-03-12",
                null);
        HttpResponse<String> unknown = http.send("GET", "/calling/recordings/nope/result"
                + "?api-version=2025-08-15-preview", null);

        assertThat(whileRecording.statusCode()).isEqualTo(404);
        assertThat(json(whileRecording).path("error").path("code").asText()).isEqualTo("8522");
        assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
        JsonNode body = json(stopped);
        assertThat(body.path("recordingId").asText()).isEqualTo(id);
        JsonNode resultChunk = body.path("recordingStorageInfo").path("recordingChunks").get(0);
        for (String field : List.of("documentId", "contentLocation", "metadataLocation", "deleteLocation")) {
            assertThat(resultChunk.path(field).asText()).as(field).isEqualTo(chunk.path(field).asText());
        }
        assertThat(resultChunk.path("endReason").asText()).isEqualTo("sessionEnded");
        assertThat(body.path("errors").isArray()).isTrue();
        assertThat(body.path("sessionEndReason").asText()).isEqualTo("sessionEnded");
        assertThat(Instant.parse(body.path("recordingExpirationTime").asText()))
                .isAfter(Instant.parse(body.path("recordingStartTime").asText()).plus(Duration.ofHours(47)));
        assertThat(body.path("recordingDurationMs").asLong()).isPositive();
        assertThat(olderPreview.statusCode()).isEqualTo(200);
        assertThat(stable.statusCode()).as("no such operation at a stable api-version").isNotEqualTo(200);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("error").path("code").asText()).isEqualTo("8522");
    }

    /**
     * Subscribes to recording files on {@code emulator}, calls a person, records a moment and stops: the chunk of the
     * RecordingFileStatusUpdated that follows.
     */
    private JsonNode recordOnce(dev.acsemulator.conformance.support.SignedHttp emulator) {
        String filesPath = newCallbackPath();
        String callPath = newCallbackPath();
        String callConnectionId = recordableCallOn(emulator, filesPath, callPath);
        String id = json(emulator.send("POST", "/calling/recordings?api-version=2026-03-12",
                "{\"callConnectionId\":\"" + callConnectionId + "\"}")).path("recordingId").asText();
        receiver.awaitEventTypes(callPath, types -> types.contains("RecordingStateChanged"));
        emulator.send("DELETE", "/calling/recordings/" + id + "?api-version=2026-03-12", null);
        return awaitFileOf(filesPath, id).path("data").path("recordingStorageInfo").path("recordingChunks").get(0);
    }

    private static String objectPath(String location) {
        return location.substring(location.indexOf("/v1/objects/"));
    }

    private JsonNode startRaw(String callConnectionId, String statePath) {
        HttpResponse<String> response = http.send("POST", "/calling/recordings?api-version=2026-03-12",
                "{\"callConnectionId\":\"" + callConnectionId + "\",\"recordingStateCallbackUri\":\""
                        + receiver.url(statePath) + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("recordingState").asText()).isEqualTo("inactive");
        assertThat(body.path("recordingKind").asText()).isEqualTo("azureCommunicationServices");
        return body;
    }

    private String subscribeToRecordingFiles(String extraJson) {
        String path = newCallbackPath();
        subscription = "rec-" + UUID.randomUUID();
        JsonNode created = json(http.send("POST", "/admin/eventgrid/subscriptions", "{\"name\":\"" + subscription
                + "\",\"endpoint\":\"" + receiver.url(path) + "\",\"includedEventTypes\":[\"" + FILE_STATUS + "\"]"
                + extraJson + "}"));
        assertThat(created.path("validated").asBoolean()).as(created.toString()).isTrue();
        return path;
    }

    /** The RecordingFileStatusUpdated of this recording, in either schema. */
    private JsonNode awaitFileOf(String path, String recordingId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.notifications(path).stream()
                .anyMatch(event -> event.path("subject").asText().endsWith("/recordingId/" + recordingId)));
        return receiver.notifications(path).stream()
                .filter(event -> event.path("subject").asText().endsWith("/recordingId/" + recordingId))
                .findFirst().orElseThrow();
    }

    private Instant stateTime(String statePath, int index) {
        return Instant.parse(receiver.received(statePath).get(index).json().get(0).path("time").asText());
    }

    /** A playable WAV file whose samples are all different from their neighbours and from silence. */
    private static byte[] recognisableWav(int millis) {
        byte[] wav = AudioFiles.playableWav(millis);
        ByteBuffer data = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        for (int frame = 0; 44 + frame * 2 < wav.length; frame++) {
            data.putShort(44 + frame * 2, (short) (1_000 + (frame * 7) % 9_973));
        }
        return wav;
    }

    /** Where {@code part} starts in {@code whole} at an even (sample) offset, or -1. */
    private static int indexOf(byte[] whole, byte[] part) {
        for (int at = 0; at + part.length <= whole.length; at += 2) {
            if (java.util.Arrays.equals(whole, at, at + part.length, part, 0, part.length)) {
                return at;
            }
        }
        return -1;
    }

    /** The highest Goertzel power of one frequency over 80 ms windows within 300 ms either side of a frame. */
    private static double peakPower(byte[] wav, int channels, int channel, long aroundFrame, int hz) {
        ByteBuffer data = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        long frames = (wav.length - 44L) / 2 / channels;
        double peak = 0;
        for (long start = Math.max(0, aroundFrame - 4_800); start < Math.min(frames - 1_280, aroundFrame + 4_800);
                start += 160) {
            double coefficient = 2 * Math.cos(2 * Math.PI * hz / 16_000.0);
            double previous = 0;
            double beforePrevious = 0;
            for (long frame = start; frame < start + 1_280; frame++) {
                double sample = data.getShort((int) (44 + (frame * channels + channel) * 2));
                double current = sample + coefficient * previous - beforePrevious;
                beforePrevious = previous;
                previous = current;
            }
            peak = Math.max(peak, previous * previous + beforePrevious * beforePrevious
                    - coefficient * previous * beforePrevious);
        }
        return peak;
    }
}
