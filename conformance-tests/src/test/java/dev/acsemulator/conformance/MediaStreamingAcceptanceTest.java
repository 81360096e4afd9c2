package dev.acsemulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.testsupport.AppStreamServer;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Media streaming end to end (call-automation-behaviour.md §2.19), over signed raw HTTP: the Java SDK 1.0.4 has no
 * media streaming options. A real WebSocket server plays the application; the emulator connects to it as the service
 * does and sends AudioMetadata, then AudioData every 20 ms, DtmfData for keys pressed.
 */
class MediaStreamingAcceptanceTest extends ConformanceTest {

    private static final String API_VERSION = "2025-06-15";
    private AppStreamServer app;

    @BeforeEach
    void startApplicationServer() throws InterruptedException {
        app = new AppStreamServer();
    }

    @AfterEach
    void stopApplicationServer() {
        app.close();
    }

    /** A call to a simulated person with these streaming options, created over raw HTTP. */
    private record StreamedCall(String callConnectionId, String serverCallId, String correlationId, String person,
                                String callbackPath) { }

    private StreamedCall callWithStreaming(String optionsJson) {
        String path = newCallbackPath();
        String target = person();
        String body = "{\"targets\":[{\"kind\":\"communicationUser\",\"rawId\":\"" + target
                + "\",\"communicationUser\":{\"id\":\"" + target + "\"}}],\"callbackUri\":\"" + receiver.url(path)
                + "\",\"mediaStreamingOptions\":" + optionsJson + "}";
        HttpResponse<String> response = http.send("POST", "/calling/callConnections?api-version=" + API_VERSION, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode created = json(response);
        receiver.awaitEventTypes(path, types -> types.contains("CallConnected"));
        return new StreamedCall(created.path("callConnectionId").asText(), created.path("serverCallId").asText(),
                created.path("correlationId").asText(), target, path);
    }

    private String options(String channels, String format, boolean start, String extra) {
        return "{\"transportUrl\":\"" + app.url() + "\",\"transportType\":\"websocket\",\"contentType\":\"audio\","
                + "\"audioChannelType\":\"" + channels + "\",\"audioFormat\":\"" + format + "\","
                + "\"startMediaStreaming\":" + start + extra + "}";
    }

    private HttpResponse<String> streaming(String action, String callConnectionId, String body) {
        return http.send("POST", "/calling/callConnections/" + callConnectionId + ":" + action
                + "MediaStreaming?api-version=" + API_VERSION, body);
    }

    private JsonNode lastEvent(String path, String type) {
        receiver.awaitEventTypes(path, types -> types.contains(type));
        JsonNode found = null;
        for (var post : receiver.received(path)) {
            if (post.isCallback() && post.json().get(0).path("type").asText().endsWith("." + type)) {
                found = post.json().get(0);
            }
        }
        return found;
    }

    private static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** The AudioData frames of a socket, in order. */
    private static List<JsonNode> audioData(AppStreamServer.Socket socket) {
        List<JsonNode> frames = new ArrayList<>();
        for (String text : socket.texts) {
            JsonNode frame = parse(text);
            if (frame.path("kind").asText().equals("AudioData")) {
                frames.add(frame.path("audioData"));
            }
        }
        return frames;
    }

    @Test
    void startMediaStreamingOnCreateConnectsWithTheServicesHeadersAndStreams16kMixedAudio() {
        StreamedCall call = callWithStreaming(options("mixed", "pcm16KMono", true, ""));

        AppStreamServer.Socket socket = app.awaitSocket(1);
        assertThat(socket.handshake.get("authorization")).startsWith("Bearer ey");
        assertThat(socket.handshake.get("x-ms-call-connection-id")).isEqualTo(call.callConnectionId());
        assertThat(socket.handshake.get("x-ms-call-correlation-id")).isEqualTo(call.correlationId());
        JsonNode started = lastEvent(call.callbackPath(), "MediaStreamingStarted");
        assertThat(started.path("data").path("mediaStreamingUpdate").toString()).isEqualTo("{\"contentType\":"
                + "\"Audio\",\"mediaStreamingStatus\":\"mediaStreamingStarted\",\"mediaStreamingStatusDetails\":"
                + "\"subscriptionStarted\"}");
        assertThat(started.path("data").path("resultInformation").path("message").asText())
                .isEqualTo("Action completed successfully.");

        socket.awaitTexts(1 + 60);
        JsonNode metadata = parse(socket.texts.get(0));
        assertThat(metadata.path("kind").asText()).isEqualTo("AudioMetadata");
        assertThat(metadata.path("audioMetadata").path("sampleRate").asInt()).isEqualTo(16000);
        assertThat(metadata.path("audioMetadata").path("length").asInt()).isEqualTo(640);
        assertThat(metadata.path("audioMetadata").path("encoding").asText()).isEqualTo("PCM");
        assertThat(metadata.path("audioMetadata").path("channels").asInt()).isEqualTo(1);
        List<JsonNode> frames = audioData(socket);
        assertFiftyFramesASecondOf(frames, 640);
        assertThat(frames).allSatisfy(frame -> {
            assertThat(frame.path("participantRawID").asText()).as("mixed audio names no speaker").isEmpty();
            assertThat(frame.path("silent").asBoolean()).isTrue();
        });
    }

    @Test
    void answeringWithStartMediaStreamingStreamsTheAnsweringLeg() {
        int before = receiver.notifications(EmulatorUnderTest.INCOMING_PATH).size();
        createCallRaw(API_VERSION, appUser(), newCallbackPath());
        JsonNode incoming = receiver.awaitIncomingCall(EmulatorUnderTest.INCOMING_PATH, before + 1);
        String path = newCallbackPath();

        HttpResponse<String> answered = http.send("POST", "/calling/callConnections:answer?api-version="
                + API_VERSION, "{\"incomingCallContext\":\"" + incoming.path("data").path("incomingCallContext")
                .asText() + "\",\"callbackUri\":\"" + receiver.url(path) + "\",\"mediaStreamingOptions\":"
                + options("unmixed", "pcm16KMono", true, "") + "}");

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        AppStreamServer.Socket socket = app.awaitSocket(1);
        assertThat(socket.handshake.get("x-ms-call-connection-id")).isEqualTo(json(answered)
                .path("callConnectionId").asText());
        lastEvent(path, "MediaStreamingStarted");
        socket.awaitTexts(10);
        assertThat(audioData(socket)).isNotEmpty().allSatisfy(frame -> assertThat(frame.path("participantRawID")
                .asText()).as("the caller, the answering leg's only other participant").isNotEmpty());
    }

    @Test
    void unmixed24kAudioSendsEachParticipantsOwnFramesOf960Bytes() {
        StreamedCall call = callWithStreaming(options("unmixed", "Pcm24KMono", true, ""));

        AppStreamServer.Socket socket = app.awaitSocket(1);
        socket.awaitTexts(1 + 60);

        assertThat(parse(socket.texts.get(0)).path("audioMetadata").path("length").asInt()).isEqualTo(960);
        List<JsonNode> frames = audioData(socket);
        assertFiftyFramesASecondOf(frames, 960);
        assertThat(frames).allSatisfy(frame -> assertThat(frame.path("participantRawID").asText())
                .isEqualTo(call.person()));
    }

    /** The frames' timestamps are 20 ms apart, so any second of them holds 50; and they arrive at about that rate. */
    private static void assertFiftyFramesASecondOf(List<JsonNode> frames, int bytes) {
        assertThat(frames).hasSizeGreaterThanOrEqualTo(51);
        Instant first = Instant.parse(frames.get(0).path("timestamp").asText());
        long inFirstSecond = frames.stream().map(frame -> Instant.parse(frame.path("timestamp").asText()))
                .filter(at -> at.isBefore(first.plusSeconds(1))).count();
        assertThat(inFirstSecond).isEqualTo(50);
        for (int i = 1; i < 51; i++) {
            assertThat(Duration.between(Instant.parse(frames.get(i - 1).path("timestamp").asText()),
                    Instant.parse(frames.get(i).path("timestamp").asText()))).isEqualTo(Duration.ofMillis(20));
        }
        assertThat(frames).allSatisfy(frame -> assertThat(Base64.getDecoder().decode(frame.path("data").asText()))
                .hasSize(bytes));
    }

    @Test
    void aKeyThePersonPressesArrivesAsDtmfDataWhenDtmfTonesAreEnabled() {
        StreamedCall call = callWithStreaming(options("mixed", "pcm16KMono", true, ",\"enableDtmfTones\":true"));
        AppStreamServer.Socket socket = app.awaitSocket(1);
        socket.awaitTexts(2);

        control.sendDtmf(call.serverCallId(), call.person(), List.of("five", "pound"));

        await().atMost(Duration.ofSeconds(10)).until(() -> socket.texts.stream().filter(t -> t.contains("DtmfData"))
                .count() >= 2);
        List<JsonNode> keys = socket.texts.stream().filter(t -> t.contains("\"DtmfData\"")).map(t -> parse(t)
                .path("dtmfData")).toList();
        assertThat(keys).extracting(key -> key.path("data").asText()).containsExactly("5", "#");
        assertThat(keys).allSatisfy(key -> assertThat(key.path("participantRawID").asText())
                .isEqualTo(call.person()));
        await().atMost(Duration.ofSeconds(10)).until(() -> audioData(socket).stream()
                .anyMatch(frame -> !frame.path("silent").asBoolean()));
        JsonNode tone = audioData(socket).stream().filter(frame -> !frame.path("silent").asBoolean()).findFirst()
                .orElseThrow();
        assertThat(peak(Base64.getDecoder().decode(tone.path("data").asText()))).as("the key's dual tone is audible")
                .isGreaterThan(1000);
    }

    @Test
    void whatThePersonSaysIsInTheirUnmixedAudio() {
        StreamedCall call = callWithStreaming(options("unmixed", "pcm16KMono", true, ""));
        AppStreamServer.Socket socket = app.awaitSocket(1);
        socket.awaitTexts(2);

        control.say(call.serverCallId(), call.person(), "hello there");

        await().atMost(Duration.ofSeconds(10)).until(() -> audioData(socket).stream()
                .filter(frame -> !frame.path("silent").asBoolean()).count() >= 10);
        assertThat(audioData(socket).stream().filter(frame -> !frame.path("silent").asBoolean()))
                .allSatisfy(frame -> assertThat(frame.path("participantRawID").asText()).isEqualTo(call.person()));
    }

    /** The loudest sample of 16-bit little-endian PCM. */
    private static int peak(byte[] pcm) {
        int peak = 0;
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            peak = Math.max(peak, Math.abs((short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8))));
        }
        return peak;
    }

    @Test
    void startAndStopFollowTheRecordedEventsAndRefuseWhatTheStateForbids() {
        StreamedCall call = callWithStreaming(options("mixed", "pcm16KMono", false, ""));

        HttpResponse<String> stopBeforeStart = streaming("stop", call.callConnectionId(), "{}");
        assertThat(stopBeforeStart.statusCode()).isEqualTo(400);
        assertThat(json(stopBeforeStart).path("error").path("code").asText()).isEqualTo("8523");

        assertThat(streaming("start", call.callConnectionId(), "{\"operationContext\":\"startCtx\"}").statusCode())
                .isEqualTo(202);
        AppStreamServer.Socket first = app.awaitSocket(1);
        lastEvent(call.callbackPath(), "MediaStreamingStarted");
        HttpResponse<String> startAgain = streaming("start", call.callConnectionId(), "{}");
        assertThat(startAgain.statusCode()).isEqualTo(400);
        assertThat(json(startAgain).path("error").path("message").asText()).contains("already started");

        assertThat(streaming("stop", call.callConnectionId(), "{\"operationContext\":\"stopCtx\"}").statusCode())
                .isEqualTo(202);
        JsonNode stopped = lastEvent(call.callbackPath(), "MediaStreamingStopped");
        assertThat(stopped.path("data").path("operationContext").asText()).as("the start's context, as recorded")
                .isEqualTo("startCtx");
        assertThat(stopped.path("data").path("mediaStreamingUpdate").path("mediaStreamingStatusDetails").asText())
                .isEqualTo("subscriptionStopped");
        await().atMost(Duration.ofSeconds(10)).until(() -> first.closeCode() != null);
        assertThat(first.closeCode()).isEqualTo(1000);

        assertThat(streaming("start", call.callConnectionId(), "{}").statusCode()).isEqualTo(202);
        AppStreamServer.Socket second = app.awaitSocket(2);
        second.awaitTexts(1);
        assertThat(parse(second.texts.get(0)).path("audioMetadata").path("subscriptionId").asText())
                .as("a new subscription").isNotEqualTo(parse(first.texts.get(0)).path("audioMetadata")
                        .path("subscriptionId").asText());
    }

    @Test
    void hangingUpClosesTheStreamNormally() {
        StreamedCall call = callWithStreaming(options("mixed", "pcm16KMono", true, ""));
        AppStreamServer.Socket socket = app.awaitSocket(1);
        socket.awaitTexts(2);

        assertThat(http.send("DELETE", "/calling/callConnections/" + call.callConnectionId() + "?api-version="
                + API_VERSION, null).statusCode()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(10)).until(socket::isGone);
        assertThat(socket.closeCode()).isEqualTo(1000);
        assertThat(receiver.eventTypes(call.callbackPath())).doesNotContain("MediaStreamingStopped",
                "MediaStreamingFailed");
    }

    @Test
    void aSocketThatCannotBeOpenedFailsTheStreamWith8603() {
        String unreachable = "ws://127.0.0.1:" + closedPort() + "/media";
        StreamedCall call = callWithStreaming("{\"transportUrl\":\"" + unreachable + "\",\"transportType\":"
                + "\"websocket\",\"audioChannelType\":\"mixed\",\"startMediaStreaming\":true}");

        JsonNode failed = lastEvent(call.callbackPath(), "MediaStreamingFailed");

        assertThat(failed.path("data").path("resultInformation").path("code").asInt()).isEqualTo(500);
        assertThat(failed.path("data").path("resultInformation").path("subCode").asInt()).isEqualTo(8603);
        assertThat(failed.path("data").path("mediaStreamingUpdate").path("mediaStreamingStatusDetails").asText())
                .isEqualTo("streamConnectionUnsuccessful");
        assertThat(streaming("start", call.callConnectionId(), "{}").statusCode())
                .as("a failed stream may be started again").isEqualTo(202);
    }

    @Test
    void aDroppedSocketIsOpenedAgainAndReportedReestablished() {
        StreamedCall call = callWithStreaming(options("mixed", "pcm16KMono", true, ""));
        AppStreamServer.Socket first = app.awaitSocket(1);
        first.awaitTexts(2);

        first.drop();

        AppStreamServer.Socket second = app.awaitSocket(2);
        second.awaitTexts(2);
        assertThat(parse(second.texts.get(0)).path("kind").asText()).isEqualTo("AudioMetadata");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.eventTypes(call.callbackPath()).stream()
                .filter("MediaStreamingStarted"::equals).count() == 2);
        assertThat(lastEvent(call.callbackPath(), "MediaStreamingStarted").path("data").path("mediaStreamingUpdate")
                .path("mediaStreamingStatusDetails").asText()).isEqualTo("streamConnectionReestablished");
    }

    @Test
    void badOptionsAndAStartWithoutOptionsAreRefusedWithTheStreamUrlCode() {
        String path = newCallbackPath();
        String target = person();
        HttpResponse<String> badUrl = http.send("POST", "/calling/callConnections?api-version=" + API_VERSION,
                "{\"targets\":[{\"kind\":\"communicationUser\",\"rawId\":\"" + target + "\",\"communicationUser\":"
                        + "{\"id\":\"" + target + "\"}}],\"callbackUri\":\"" + receiver.url(path) + "\","
                        + "\"mediaStreamingOptions\":{\"transportUrl\":\"https://not-a-socket.example\","
                        + "\"transportType\":\"websocket\",\"audioChannelType\":\"mixed\"}}");
        assertThat(badUrl.statusCode()).isEqualTo(400);
        assertThat(json(badUrl).path("error").path("code").asText()).isEqualTo("8581");
        assertThat(receiver.received(path)).as("no call was placed").isEmpty();

        PersonCall plain = connectedCallToPersonAt(API_VERSION);
        HttpResponse<String> noOptions = streaming("start", plain.callConnectionId(), "{}");
        assertThat(noOptions.statusCode()).isEqualTo(400);
        assertThat(json(noOptions).path("error").path("code").asText()).isEqualTo("8581");
    }

    @Test
    void aBidirectionalStreamTakesTheApplicationsAudioInEverySpellingAndIgnoresWhatItCannotRead() {
        StreamedCall call = callWithStreaming(options("mixed", "pcm16KMono", true, ",\"enableBidirectional\":true"));
        AppStreamServer.Socket socket = app.awaitSocket(1);
        socket.awaitTexts(2);
        byte[] loud = new byte[3200];
        for (int i = 0; i < loud.length; i += 2) {
            loud[i + 1] = (byte) ((i / 2) % 16 < 8 ? 0x40 : 0xC0);
        }
        String pcm = Base64.getEncoder().encodeToString(loud);

        socket.send("{\"kind\":\"AudioData\",\"audioData\":{\"data\":\"" + pcm + "\",\"timestamp\":null,"
                + "\"participant\":null,\"isSilent\":false},\"stopAudio\":null}");
        socket.send("{\"kind\":\"audioData\",\"audioData\":{\"data\":\"" + pcm + "\",\"isSilent\":false},"
                + "\"stopAudio\":{}}");
        socket.send("{\"Kind\":\"AudioData\",\"AudioData\":{\"Data\":\"" + pcm + "\"},\"StopAudio\":null}");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            byte[] heard = control.heardAudio(call.serverCallId(), call.person());
            return peak(java.util.Arrays.copyOfRange(heard, 44, heard.length)) > 10000;
        });

        socket.send("not json at all");
        socket.send("{\"kind\":\"AudioData\",\"audioData\":{\"data\":\"***\"}}");
        socket.send("{\"kind\":\"stopAudio\",\"stopAudio\":{}}");

        await().atMost(Duration.ofSeconds(10)).until(() -> journal(call).stream()
                .anyMatch(line -> line.startsWith("StopAudio dropped")));
        assertThat(journal(call)).contains("ignored a message from the application: not JSON",
                "ignored a message from the application: audioData.data is not base64");
        int before = socket.texts.size();
        await().atMost(Duration.ofSeconds(10)).until(() -> socket.texts.size() > before + 10);
        assertThat(socket.isGone()).as("the stream goes on").isFalse();
    }

    @Test
    void theJsSdksStreamingParserAcceptsEveryKindOfFrameSent() throws Exception {
        StreamedCall call = callWithStreaming(options("unmixed", "pcm24KMono", true, ",\"enableDtmfTones\":true"));
        AppStreamServer.Socket socket = app.awaitSocket(1);
        socket.awaitTexts(5);
        control.sendDtmf(call.serverCallId(), call.person(), List.of("nine"));
        await().atMost(Duration.ofSeconds(10)).until(() -> socket.texts.stream().anyMatch(t -> t.contains("DtmfData")));
        List<String> frames = List.copyOf(socket.texts);
        java.nio.file.Path parser = java.nio.file.Path.of("js-parser").toAbsolutePath();
        JsEventParserAcceptanceTest.installParser(parser);

        Process node = new ProcessBuilder("node", "parse-streaming.js").directory(parser.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        node.getOutputStream().write(MAPPER.writeValueAsBytes(frames));
        node.getOutputStream().close();
        JsonNode results = MAPPER.readTree(node.getInputStream().readAllBytes());
        assertThat(node.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        assertThat(results).hasSize(frames.size());
        assertThat(results).allSatisfy(result -> assertThat(result.has("error")).as(result.toString()).isFalse());
        assertThat(results.get(0).path("kind").asText()).isEqualTo("AudioMetadata");
        assertThat(results.get(0).path("sampleRate").asInt()).isEqualTo(24000);
        List<JsonNode> audio = new ArrayList<>();
        List<JsonNode> keys = new ArrayList<>();
        results.forEach(result -> (result.path("kind").asText().equals("AudioData") ? audio : keys).add(result));
        assertThat(audio).isNotEmpty().allSatisfy(result -> {
            assertThat(result.path("bytes").asInt()).isEqualTo(960);
            assertThat(result.path("participant").asText()).isEqualTo("communicationUser");
        });
        assertThat(keys).extracting(result -> result.path("kind").asText()).contains("AudioMetadata", "DtmfData");
        assertThat(keys).filteredOn(result -> result.path("kind").asText().equals("DtmfData"))
                .extracting(result -> result.path("data").asText()).containsExactly("9");
    }

    private List<String> journal(StreamedCall call) {
        List<String> lines = new ArrayList<>();
        control.call(call.serverCallId()).path("journal").forEach(entry -> lines.add(entry.path("detail").asText()));
        return lines;
    }

    private static int closedPort() {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
