package dev.acsemulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.testsupport.AppStreamServer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault rules on the service's WebSockets (refuseStream, dropStream, delayStreamFrames), matched by call connection
 * or transport URL, so an application's reconnect and MediaStreamingFailed / TranscriptionFailed handling can be
 * tested; each applied fault is listed with the others and written into the call's journal.
 */
class StreamFaultsAcceptanceTest extends StreamingAppServersTest {

    private static final String VERSION = "2026-03-12";

    private record Call(String callConnectionId, String serverCallId, String person, String path) { }

    private Call call(String options) {
        String path = newCallbackPath();
        String person = person();
        HttpResponse<String> created = http.send("POST", "/calling/callConnections?api-version=" + VERSION,
                "{\"targets\":[{\"kind\":\"communicationUser\",\"rawId\":\"" + person + "\",\"communicationUser\":"
                        + "{\"id\":\"" + person + "\"}}],\"callbackUri\":\"" + receiver.url(path) + "\"," + options
                        + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new Call(json(created).path("callConnectionId").asText(), json(created).path("serverCallId").asText(),
                person, path);
    }

    private String streaming(boolean start) {
        return "\"mediaStreamingOptions\":{\"transportUrl\":\"" + streamApp.url() + "\",\"transportType\":\"websocket\","
                + "\"contentType\":\"audio\",\"audioChannelType\":\"mixed\",\"startMediaStreaming\":" + start + "}";
    }

    private JsonNode streamingUpdate(String path, String type) {
        receiver.awaitEventTypes(path, types -> types.contains(type));
        return receiver.received(path).stream().filter(post -> post.isCallback()
                        && post.json().get(0).path("type").asText().endsWith("." + type))
                .reduce((first, second) -> second).orElseThrow().json().get(0).path("data");
    }

    @Test
    void aRefusedStreamFailsTheStartWithStreamConnectionUnsuccessfulAndIsListedAndJournaled() {
        control.addFault("{\"id\":\"refuse\",\"match\":{\"transportUrl\":\"" + streamApp.url() + "\"},"
                + "\"fault\":{\"type\":\"refuseStream\"}}");

        Call call = call(streaming(true));

        JsonNode failed = streamingUpdate(call.path(), "MediaStreamingFailed");
        assertThat(failed.at("/mediaStreamingUpdate/mediaStreamingStatusDetails").asText())
                .isEqualTo("streamConnectionUnsuccessful");
        assertThat(failed.at("/resultInformation/subCode").asInt()).isEqualTo(8603);
        assertThat(streamApp.sockets).as("the application's server was never reached").isEmpty();
        JsonNode applied = control.faults().path("applied");
        assertThat(applied.findValuesAsText("transportUrl")).contains(streamApp.url());
        assertThat(applied.findValuesAsText("callConnectionId")).contains(call.callConnectionId());
        assertThat(control.call(call.serverCallId()).path("journal")).anySatisfy(entry -> {
            assertThat(entry.path("kind").asText()).isEqualTo("fault");
            assertThat(entry.path("subject").asText()).isEqualTo("refuse");
            assertThat(entry.path("detail").asText()).startsWith("RefuseStream on stream " + streamApp.url());
        });
    }

    @Test
    void aStreamDroppedAfterTenFramesIsReopenedAsTheServiceReopensIt() {
        Call call = call(streaming(false));
        receiver.awaitEventTypes(call.path(), types -> types.contains("CallConnected"));
        control.addFault("{\"count\":1,\"match\":{\"callConnectionId\":\"" + call.callConnectionId() + "\"},"
                + "\"fault\":{\"type\":\"dropStream\",\"afterFrames\":10}}");

        http.send("POST", "/calling/callConnections/" + call.callConnectionId() + ":startMediaStreaming?api-version="
                + VERSION, "{}");

        AppStreamServer.Socket first = streamApp.awaitSocket(1);
        await().atMost(Duration.ofSeconds(10)).until(first::isGone);
        assertThat(first.texts).as("AudioMetadata and nine AudioData, then the drop").hasSize(10);
        assertThat(first.closeCode()).as("dropped without a close frame").isNull();
        AppStreamServer.Socket second = streamApp.awaitSocket(2);
        assertThat(second.awaitTexts(2).get(0)).contains("AudioMetadata");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received(call.path()).stream()
                .filter(post -> post.isCallback()).map(post -> post.json().get(0).path("data")
                        .at("/mediaStreamingUpdate/mediaStreamingStatusDetails").asText())
                .toList().contains("streamConnectionReestablished"));
    }

    @Test
    void aTranscriptionSocketDroppedByARuleFailsTheTranscriptionWithStreamConnectionInterrupted() {
        control.addFault("{\"match\":{\"transportUrl\":\"" + transcriptApp.url() + "\"},"
                + "\"fault\":{\"type\":\"dropStream\",\"afterFrames\":1}}");
        Call call = call(TranscriptionAcceptanceTest.options(transcriptApp.url(), "en-US", true) + "," + AI);
        receiver.awaitEventTypes(call.path(), types -> types.contains("TranscriptionStarted"));
        transcriptApp.awaitMessages(1);

        control.say(call.serverCallId(), call.person(), "hello there");

        JsonNode failed = streamingUpdate(call.path(), "TranscriptionFailed");
        assertThat(failed.at("/transcriptionUpdate/transcriptionStatusDetails").asText())
                .isEqualTo("streamConnectionInterrupted");
        assertThat(transcriptApp.messages()).as("only the metadata went out before the drop").hasSize(1);
    }

    @Test
    void delayedFramesArriveLateButInOrder() throws Exception {
        control.addFault("{\"match\":{\"transportUrl\":\"" + streamApp.url() + "\"},"
                + "\"fault\":{\"type\":\"delayStreamFrames\",\"delay\":{\"fixed\":600}}}");
        call(streaming(true));

        AppStreamServer.Socket socket = streamApp.awaitSocket(1);
        List<String> texts = socket.awaitTexts(20);
        Instant now = Instant.now();
        long nowNanos = System.nanoTime();

        assertThat(texts.get(0)).contains("AudioMetadata");
        List<Instant> stamps = new ArrayList<>();
        for (int i = 1; i < 20; i++) {
            Instant stamp = Instant.parse(MAPPER.readTree(texts.get(i)).at("/audioData/timestamp").asText());
            Instant arrived = now.minusNanos(nowNanos - socket.arrivalNanos.get(i));
            assertThat(Duration.between(stamp, arrived)).as("frame %d arrives the rule's 600 ms after its time", i)
                    .isGreaterThan(Duration.ofMillis(500));
            stamps.add(stamp);
        }
        assertThat(stamps).isSorted();
    }
}
