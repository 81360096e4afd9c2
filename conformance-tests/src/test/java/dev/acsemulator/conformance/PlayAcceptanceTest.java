package dev.acsemulator.conformance;

import com.azure.communication.callautomation.CallMedia;
import com.azure.communication.callautomation.models.FileSource;
import com.azure.communication.callautomation.models.PlaySource;
import com.azure.communication.callautomation.models.PlayToAllOptions;
import com.azure.communication.callautomation.models.events.PlayCanceled;
import com.azure.communication.callautomation.models.events.PlayCompleted;
import com.azure.communication.callautomation.models.events.PlayFailed;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.Emulator;
import dev.acsemulator.config.EmulatorConfig;
import dev.acsemulator.conformance.support.AudioFiles;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import dev.acsemulator.conformance.support.SignedHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Play and CancelAllMediaOperations (call-automation-behaviour.md §2.13, §2.21): WAV files served by the test and
 * really downloaded, text with and without the call's Azure AI services link, the failure codes, queueing and
 * cancelling; through the Java SDK 1.0.4 (api-version 2023-03-06, which has no PlayStarted) and signed raw HTTP at
 * 2026-03-12.
 */
class PlayAcceptanceTest extends ConformanceTest {

    private static final String API = "?api-version=2026-03-12";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String COGNITIVE = "https://contoso-ai.cognitiveservices.azure.com/";
    private final AudioFiles files = new AudioFiles();

    @AfterEach
    void stopServingFiles() {
        files.close();
    }

    @Test
    void aWavFilePlayedWithTheSdkIsHeardForExactlyItsLength() {
        PersonCall call = connectedCallToPerson();
        String menu = files.serve("/menu.wav", AudioFiles.playableWav(700));

        client.getCallConnection(call.callConnectionId()).getCallMedia().playToAllWithResponse(
                new PlayToAllOptions(new FileSource().setUrl(menu)).setOperationContext("menu"), Context.NONE);

        receiver.awaitEventSequence(call.callbackPath(), "CallConnected", "ParticipantsUpdated", "PlayCompleted");
        PlayCompleted completed = (PlayCompleted) receiver.events(call.callbackPath()).get(2);
        assertThat(completed.getOperationContext()).isEqualTo("menu");
        assertThat(completed.getResultInformation().getCode()).isEqualTo(200);
        JsonNode heard = heardBy(call).path("heard");
        assertThat(heard).hasSize(1);
        assertThat(heard.get(0).path("uri").asText()).isEqualTo(menu);
        assertThat(heard.get(0).path("ending").asText()).isEqualTo("completed");
        Duration length = Duration.between(Instant.parse(heard.get(0).path("start").asText()),
                Instant.parse(heard.get(0).path("end").asText()));
        assertThat(length).isBetween(Duration.ofMillis(700), Duration.ofMillis(1500));
    }

    @Test
    void underVirtualTimeAThirtySecondFileLastsThirtySecondsBetweenPlayStartedAndPlayCompleted() {
        try (Emulator virtual = Emulator.start(EmulatorConfig.builder().httpsPort(0).httpPort(-1)
                .dataDir(EmulatorUnderTest.emulator().config().dataDir())
                .clockMode(EmulatorConfig.ClockMode.VIRTUAL).seed(11L).build())) {
            SignedHttp virtualHttp = new SignedHttp(virtual);
            String path = newCallbackPath();
            String id = createCall(virtualHttp, path, null);
            String song = files.serve("/long.wav", AudioFiles.playableWav(30_000));
            long started = System.nanoTime();

            assertThat(play(virtualHttp, id, "{\"playSources\":[" + file(song) + "],\"operationContext\":\"long\"}")
                    .statusCode()).isEqualTo(202);

            receiver.awaitEventSequence(path, "CallConnected", "ParticipantsUpdated", "PlayStarted", "PlayCompleted");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(Duration.between(eventTime(path, 2), eventTime(path, 3))).isEqualTo(Duration.ofSeconds(30));
            assertThat(resultOf(path, 2).path("message").asText()).isEqualTo("Action completed successfully.");
        }
    }

    @Test
    void textNeedsTheCallsCognitiveServicesEndpointElseTheRequestIsRefusedWith405And8522() {
        String linkedPath = newCallbackPath();
        String unlinkedPath = newCallbackPath();
        String linked = createCall(http, linkedPath, COGNITIVE);
        String unlinked = createCall(http, unlinkedPath, null);
        String goodbye = "{\"playSources\":[{\"kind\":\"text\",\"text\":{\"text\":\"Goodbye.\",\"voiceName\":"
                + "\"en-US-JennyNeural\"}}],\"operationContext\":\"bye\"}";

        assertThat(play(http, linked, goodbye).statusCode()).isEqualTo(202);
        HttpResponse<String> refused = play(http, unlinked, goodbye);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(405);
        assertThat(json(refused).path("error").path("code").asText()).isEqualTo("8522");
        assertThat(json(refused).path("error").path("message").asText())
                .startsWith("Request not allowed when Cognitive Service Configuration not set during call setup.");
        receiver.awaitEventSequence(linkedPath, "CallConnected", "ParticipantsUpdated", "PlayStarted",
                "PlayCompleted");
        assertThat(Duration.between(eventTime(linkedPath, 2), eventTime(linkedPath, 3)))
                .isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(play(http, unlinked, "{\"playSources\":[" + file(files.serve("/after-refusal.wav",
                AudioFiles.playableWav(100))) + "]}").statusCode()).as("the call still plays files").isEqualTo(202);
        receiver.awaitEventSequence(unlinkedPath, "CallConnected", "ParticipantsUpdated", "PlayStarted",
                "PlayCompleted");
    }

    @Test
    void aFileThatIsNotMono16Bit16KhzWavFailsWith8535() {
        String path = newCallbackPath();
        String id = createCall(http, path, null);
        String stereo = files.serve("/stereo.wav", AudioFiles.wav(2, 44_100, 16, 200));

        play(http, id, "{\"playSources\":[" + file(stereo) + "]}");

        receiver.awaitEventSequence(path, "CallConnected", "ParticipantsUpdated", "PlayFailed");
        assertThat(resultOf(path, 2).path("code").asInt()).isEqualTo(400);
        assertThat(resultOf(path, 2).path("subCode").asInt()).isEqualTo(8535);
        assertThat(resultOf(path, 2).path("message").asText()).isEqualTo("Action failed, file format is invalid.");
        assertThat(dataOf(path, 2).has("operationContext")).as("no operationContext key without one").isFalse();
    }

    @Test
    void anApiVersionWithoutFailedPlaySourceIndexGetsPlayFailedWithoutIt() {
        PersonCall call = connectedCallToPerson();
        String mono8k = files.serve("/narrowband.wav", AudioFiles.wav(1, 8_000, 16, 200));

        client.getCallConnection(call.callConnectionId()).getCallMedia().playToAll(new FileSource().setUrl(mono8k));

        receiver.awaitEventSequence(call.callbackPath(), "CallConnected", "ParticipantsUpdated", "PlayFailed");
        PlayFailed failed = (PlayFailed) receiver.events(call.callbackPath()).get(2);
        assertThat(failed.getResultInformation().getSubCode()).isEqualTo(8535);
        assertThat(dataOf(call.callbackPath(), 2).has("failedPlaySourceIndex")).as("2023-03-06 has no such field")
                .isFalse();
    }

    @Test
    void anUnreachableSecondSourceFailsWith8536AndItsIndexAfterPlayStarted() {
        String path = newCallbackPath();
        String id = createCall(http, path, null);
        String first = files.serve("/first.wav", AudioFiles.playableWav(100));

        play(http, id, "{\"playSources\":[" + file(first) + "," + file("http://127.0.0.1:1/nothing.wav") + "]}");

        receiver.awaitEventSequence(path, "CallConnected", "ParticipantsUpdated", "PlayStarted", "PlayFailed");
        assertThat(resultOf(path, 3).path("subCode").asInt()).isEqualTo(8536);
        assertThat(resultOf(path, 3).path("message").asText())
                .isEqualTo("Action failed, file could not be downloaded.");
        assertThat(dataOf(path, 3).path("failedPlaySourceIndex").asInt()).isEqualTo(1);
    }

    @Test
    void twoPlaysQueueAndACachedFileIsDownloadedOnce() {
        PersonCall call = connectedCallToPerson();
        String chime = files.serve("/chime.wav", AudioFiles.playableWav(150));
        CallMedia media = client.getCallConnection(call.callConnectionId()).getCallMedia();
        PlaySource cached = new FileSource().setUrl(chime).setPlaySourceCacheId("chime");

        media.playToAllWithResponse(new PlayToAllOptions(cached).setOperationContext("first"), Context.NONE);
        media.playToAllWithResponse(new PlayToAllOptions(cached).setOperationContext("second"), Context.NONE);

        receiver.awaitEventSequence(call.callbackPath(), "CallConnected", "ParticipantsUpdated", "PlayCompleted",
                "PlayCompleted");
        assertThat(receiver.events(call.callbackPath()).subList(2, 4))
                .extracting(event -> ((PlayCompleted) event).getOperationContext()).containsExactly("first", "second");
        JsonNode heard = heardBy(call).path("heard");
        assertThat(Instant.parse(heard.get(1).path("start").asText()))
                .isAfterOrEqualTo(Instant.parse(heard.get(0).path("end").asText()));
        assertThat(files.fetches("/chime.wav")).isEqualTo(1);
    }

    @Test
    void cancelAllMediaOperationsCancelsTheLoopingAndTheQueuedPlay() {
        PersonCall call = connectedCallToPerson();
        String music = files.serve("/music.wav", AudioFiles.playableWav(200));
        CallMedia media = client.getCallConnection(call.callConnectionId()).getCallMedia();
        media.playToAllWithResponse(new PlayToAllOptions(new FileSource().setUrl(music)).setLoop(true)
                .setOperationContext("hold-music"), Context.NONE);
        media.playToAllWithResponse(new PlayToAllOptions(new FileSource().setUrl(music))
                .setOperationContext("queued"), Context.NONE);
        assertThat(control.call(serverCallId(call)).path("mediaOperations")).hasSize(2);

        media.cancelAllMediaOperations();

        receiver.awaitEventSequence(call.callbackPath(), "CallConnected", "ParticipantsUpdated", "PlayCanceled",
                "PlayCanceled");
        List<PlayCanceled> canceled = List.of((PlayCanceled) receiver.events(call.callbackPath()).get(2),
                (PlayCanceled) receiver.events(call.callbackPath()).get(3));
        assertThat(canceled).extracting(PlayCanceled::getOperationContext).containsExactly("hold-music", "queued");
        assertThat(resultOf(call.callbackPath(), 2).path("subCode").asInt()).isEqualTo(8508);
        assertThat(control.call(serverCallId(call)).path("mediaOperations")).isEmpty();
    }

    @Test
    void aPlayToAParticipantHoldsThemAroundPlayStartedAndPlayCompleted() {
        String path = newCallbackPath();
        String target = person();
        String id = createCallRaw("2026-03-12", target, path).path("callConnectionId").asText();
        receiver.awaitEventTypes(path, types -> types.contains("ParticipantsUpdated"));
        String chime = files.serve("/to-one.wav", AudioFiles.playableWav(100));

        play(http, id, "{\"playSources\":[" + file(chime) + "],\"playTo\":[{\"kind\":\"communicationUser\","
                + "\"rawId\":\"" + target + "\",\"communicationUser\":{\"id\":\"" + target + "\"}}]}");

        receiver.awaitEventSequence(path, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated",
                "PlayStarted", "PlayCompleted", "ParticipantsUpdated");
        assertThat(onHold(path, 2, target)).isTrue();
        assertThat(onHold(path, 5, target)).isFalse();
    }

    @Test
    void whenTheApplicationThatHeldAParticipantForItsPlayLeavesTheParticipantIsOffHold() {
        AppToAppCall call = connectedAppToAppCall();
        String listener = person();
        control.join(call.serverCallId(), listener);
        await().atMost(WAIT).until(() -> heldInRoster(call.serverCallId(), listener), Boolean.FALSE::equals);
        String music = files.serve("/held.wav", AudioFiles.playableWav(60_000));

        play(http, call.callerId(), "{\"playSources\":[" + file(music) + "],\"playOptions\":{\"loop\":true},"
                + "\"playTo\":[{\"kind\":\"communicationUser\",\"rawId\":\"" + listener
                + "\",\"communicationUser\":{\"id\":\"" + listener + "\"}}]}");
        assertThat(play(http, call.callerId(), "{\"playSources\":[" + file(music) + "]}").statusCode())
                .as("a play to everyone, queued behind it").isEqualTo(202);
        await().atMost(WAIT).until(() -> heldInRoster(call.serverCallId(), listener), Boolean.TRUE::equals);
        // the hold comes before the file is fetched; the listener hears it only once it has arrived
        await().atMost(WAIT).until(() -> control.heard(call.serverCallId(), listener).path("heard").size(),
                heard -> heard == 1);

        client.getCallConnection(call.callerId()).hangUp(false);

        await().atMost(WAIT).until(() -> heldInRoster(call.serverCallId(), listener), Boolean.FALSE::equals);
        assertThat(control.call(call.serverCallId()).path("mediaOperations")).isEmpty();
        assertThat(control.heard(call.serverCallId(), listener).path("heard").get(0).path("ending").asText())
                .isEqualTo("cutOff");
        assertThat(receiver.eventTypes(call.callerPath())).doesNotContain("PlayCompleted", "PlayCanceled");
    }

    @Test
    void badPlayRequestsAreRefusedInTheServicesErrorFormat() {
        String path = newCallbackPath();
        String id = createCall(http, path, null);

        HttpResponse<String> empty = play(http, id, "{\"playSources\":[]}");
        HttpResponse<String> relative = play(http, id, "{\"playSources\":[" + file("menu.wav") + "]}");
        HttpResponse<String> unknown = play(http, "no-such-call", "{\"playSources\":[" + file("https://x.example/a.wav")
                + "]}");
        String stranger = person();
        HttpResponse<String> toStranger = play(http, id, "{\"playSources\":[" + file("https://x.example/a.wav")
                + "],\"playTo\":[{\"kind\":\"communicationUser\",\"rawId\":\"" + stranger
                + "\",\"communicationUser\":{\"id\":\"" + stranger + "\"}}]}");

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty).path("error").path("code").asText()).isEqualTo("8523");
        assertThat(relative.statusCode()).isEqualTo(400);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("error").path("code").asText()).isEqualTo("8522");
        assertThat(toStranger.statusCode()).as(toStranger.body()).isEqualTo(404);
        assertThat(json(toStranger).path("error").path("message").asText()).isEqualTo("Participant not found.");
        receiver.awaitEventSequence(path, "CallConnected", "ParticipantsUpdated");
    }

    private String createCall(SignedHttp through, String path, String cognitiveServicesEndpoint) {
        String target = person();
        String body = "{\"targets\":[{\"kind\":\"communicationUser\",\"rawId\":\"" + target
                + "\",\"communicationUser\":{\"id\":\"" + target + "\"}}],\"callbackUri\":\"" + receiver.url(path)
                + "\"" + (cognitiveServicesEndpoint == null ? "" : ",\"callIntelligenceOptions\":"
                + "{\"cognitiveServicesEndpoint\":\"" + cognitiveServicesEndpoint + "\"}") + "}";
        HttpResponse<String> created = through.send("POST", "/calling/callConnections" + API, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        receiver.awaitEventTypes(path, types -> types.contains("ParticipantsUpdated"));
        return json(created).path("callConnectionId").asText();
    }

    /** Whether the call's roster (control API) shows {@code rawId} on hold; null while they are not in it. */
    private Boolean heldInRoster(String serverCallId, String rawId) {
        for (JsonNode participant : control.call(serverCallId).path("participants")) {
            if (participant.path("rawId").asText().equals(rawId)) {
                return participant.path("isOnHold").asBoolean();
            }
        }
        return null;
    }

    private static HttpResponse<String> play(SignedHttp through, String callConnectionId, String body) {
        return through.send("POST", "/calling/callConnections/" + callConnectionId + ":play" + API, body);
    }

    private static String file(String url) {
        return "{\"kind\":\"file\",\"file\":{\"uri\":\"" + url + "\"}}";
    }

    private JsonNode dataOf(String path, int index) {
        return receiver.received(path).get(index).json().get(0).path("data");
    }

    private Instant eventTime(String path, int index) {
        return Instant.parse(receiver.received(path).get(index).json().get(0).path("time").asText());
    }

    private boolean onHold(String path, int index, String rawId) {
        for (JsonNode participant : dataOf(path, index).path("participants")) {
            if (participant.path("identifier").path("rawId").asText().equals(rawId)) {
                return participant.path("isOnHold").asBoolean();
            }
        }
        throw new AssertionError(rawId + " is not in the roster of event " + index);
    }

    private String serverCallId(PersonCall call) {
        return control.callOfConnection(call.callConnectionId()).path("serverCallId").asText();
    }

    private JsonNode heardBy(PersonCall call) {
        return control.heard(serverCallId(call), call.person());
    }
}
