package dev.acsemulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.conformance.support.AudioFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hold and Unhold (call-automation-behaviour.md §2.12): the rosters on every leg, hold music from a WAV file the
 * test serves, the HoldAudio events at the preview api-version that has them and their absence at a stable one, a
 * play that interrupts the hold music, HoldFailed, and the refusals. Through signed raw HTTP: the Java SDK 1.0.4
 * has no hold. Every event is checked against its api-version's schema ({@link ConformanceTest}).
 */
class HoldAcceptanceTest extends ConformanceTest {

    private static final String PREVIEW = "2024-09-01-preview";
    private static final String STABLE = "2026-03-12";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private final AudioFiles files = new AudioFiles();

    @AfterEach
    void stopServingFiles() {
        files.close();
    }

    @Test
    void atThePreviewVersionHoldMusicStartsPausesForAnInterruptingPlayResumesAndEndsWith8508AtUnhold() {
        PersonCall call = connectedCallToPersonAt(PREVIEW);
        String music = files.serve("/hold-music.wav", AudioFiles.playableWav(200));
        String notice = files.serve("/notice.wav", AudioFiles.playableWav(150));

        assertThat(hold(PREVIEW, call.callConnectionId(), call.person(), ",\"playSourceInfo\":" + file(music)
                + ",\"operationContext\":\"hold-1\"").statusCode()).isEqualTo(200);
        receiver.awaitEventSequence(call.callbackPath(), "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated",
                "HoldAudioStarted");
        assertThat(onHold(call.callbackPath(), 2, call.person())).isTrue();
        assertThat(send(PREVIEW, call.callConnectionId(), ":play", "{\"playSources\":[" + file(notice) + "],"
                + "\"playTo\":[" + identifier(call.person()) + "],\"interruptHoldAudio\":true}").statusCode())
                .isEqualTo(202);
        receiver.awaitEventSequence(call.callbackPath(), "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated",
                "HoldAudioStarted", "HoldAudioPaused", "PlayStarted", "HoldAudioResumed", "PlayCompleted");
        assertThat(unhold(PREVIEW, call.callConnectionId(), call.person()).statusCode()).isEqualTo(200);

        receiver.awaitEventSequence(call.callbackPath(), "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated",
                "HoldAudioStarted", "HoldAudioPaused", "PlayStarted", "HoldAudioResumed", "PlayCompleted",
                "HoldAudioCompleted", "ParticipantsUpdated");
        JsonNode completed = dataOf(call.callbackPath(), 8);
        assertThat(completed.path("operationContext").asText()).isEqualTo("hold-1");
        assertThat(completed.path("resultInformation").path("code").asInt()).isEqualTo(400);
        assertThat(completed.path("resultInformation").path("subCode").asInt()).isEqualTo(8508);
        assertThat(completed.path("resultInformation").path("message").asText())
                .isEqualTo("Action failed, the operation was cancelled.");
        assertThat(onHold(call.callbackPath(), 9, call.person())).isFalse();
        JsonNode heard = heard(call);
        assertThat(heard).extracting(line -> line.path("uri").asText() + " " + line.path("ending").asText())
                .containsExactly(music + " cutOff", notice + " completed", music + " cutOff");
        assertThat(files.fetches("/hold-music.wav")).isEqualTo(1);
    }

    @Test
    void atAStableVersionTheHeldPersonHearsTheMusicButTheAppGetsOnlyTheRosters() {
        PersonCall call = connectedCallToPersonAt(STABLE);
        String music = files.serve("/stable-music.wav", AudioFiles.playableWav(100));

        assertThat(hold(STABLE, call.callConnectionId(), call.person(), ",\"playSourceInfo\":" + file(music))
                .statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> heard(call).size() == 1);
        assertThat(unhold(STABLE, call.callConnectionId(), call.person()).statusCode()).isEqualTo(200);

        receiver.awaitEventSequence(call.callbackPath(), "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated",
                "ParticipantsUpdated");
        assertThat(onHold(call.callbackPath(), 2, call.person())).isTrue();
        assertThat(onHold(call.callbackPath(), 3, call.person())).isFalse();
        assertThat(heard(call).get(0).path("uri").asText()).isEqualTo(music);
        assertThat(heard(call).get(0).path("ending").asText()).isEqualTo("cutOff");
    }

    @Test
    void holdMusicThatIsNotMono16Bit16KhzFailsTheHoldWith8535() {
        PersonCall call = connectedCallToPersonAt(STABLE);
        String stereo = files.serve("/stereo-music.wav", AudioFiles.wav(2, 44_100, 16, 100));

        hold(STABLE, call.callConnectionId(), call.person(), ",\"playSourceInfo\":" + file(stereo)
                + ",\"operationContext\":\"bad-music\"");

        receiver.awaitEventSequence(call.callbackPath(), "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated",
                "HoldFailed");
        JsonNode failed = dataOf(call.callbackPath(), 3);
        assertThat(failed.path("operationContext").asText()).isEqualTo("bad-music");
        assertThat(failed.path("resultInformation").path("subCode").asInt()).isEqualTo(8535);
        assertThat(onHold(call.callbackPath(), 2, call.person())).isTrue();
    }

    @Test
    void aHeldParticipantDoesNotHearAPlayToEveryoneWhileTheOtherParticipantsDo() {
        AppToAppCall call = connectedAppToAppCall();
        String listener = person();
        control.join(call.serverCallId(), listener);
        receiver.awaitEventTypes(call.callerPath(), types -> types.stream()
                .filter("ParticipantsUpdated"::equals).count() >= 2);
        String chime = files.serve("/everyone.wav", AudioFiles.playableWav(100));
        assertThat(hold(STABLE, call.callerId(), listener, "").statusCode()).isEqualTo(200);

        send(STABLE, call.callerId(), ":play", "{\"playSources\":[" + file(chime) + "]}");

        receiver.awaitEventTypes(call.callerPath(), types -> types.contains("PlayCompleted"));
        assertThat(control.heard(call.serverCallId(), listener).path("heard")).isEmpty();
        assertThat(control.heard(call.serverCallId(), call.calleeRawId()).path("heard")).hasSize(1);
    }

    @Test
    void badHoldRequestsAreRefusedInTheServicesErrorFormatAndChangeNothing() {
        PersonCall call = connectedCallToPersonAt(STABLE);
        String stranger = person();

        HttpResponse<String> notInCall = hold(STABLE, call.callConnectionId(), stranger, "");
        HttpResponse<String> noTarget = send(STABLE, call.callConnectionId(), ":hold", "{}");
        HttpResponse<String> noCall = hold(STABLE, "no-such-call", call.person(), "");
        HttpResponse<String> tooOld = hold("2024-04-15", call.callConnectionId(), call.person(), "");
        HttpResponse<String> unholdStranger = unhold(STABLE, call.callConnectionId(), stranger);

        assertThat(notInCall.statusCode()).as(notInCall.body()).isEqualTo(404);
        assertThat(json(notInCall).path("error").path("code").asText()).isEqualTo("8522");
        assertThat(json(notInCall).path("error").path("message").asText()).isEqualTo("Participant not found.");
        assertThat(noTarget.statusCode()).as(noTarget.body()).isEqualTo(400);
        assertThat(json(noTarget).path("error").path("message").asText()).contains("targetParticipant");
        assertThat(noCall.statusCode()).isEqualTo(404);
        assertThat(tooOld.statusCode()).as("2024-04-15 has no hold: " + tooOld.body()).isEqualTo(400);
        assertThat(unholdStranger.statusCode()).isEqualTo(404);
        assertThat(unhold(STABLE, call.callConnectionId(), call.person()).statusCode())
                .as("unhold of someone not on hold").isEqualTo(200);
        assertThat(control.call(control.callOfConnection(call.callConnectionId()).path("serverCallId").asText())
                .path("participants")).allSatisfy(p -> assertThat(p.path("isOnHold").asBoolean()).isFalse());
        receiver.awaitEventSequence(call.callbackPath(), "CallConnected", "ParticipantsUpdated");
    }

    private HttpResponse<String> hold(String apiVersion, String callConnectionId, String target, String more) {
        return send(apiVersion, callConnectionId, ":hold", "{\"targetParticipant\":" + identifier(target) + more + "}");
    }

    private HttpResponse<String> unhold(String apiVersion, String callConnectionId, String target) {
        return send(apiVersion, callConnectionId, ":unhold", "{\"targetParticipant\":" + identifier(target) + "}");
    }

    private HttpResponse<String> send(String apiVersion, String callConnectionId, String action, String body) {
        return http.send("POST", "/calling/callConnections/" + callConnectionId + action + "?api-version=" + apiVersion,
                body);
    }

    private static String identifier(String rawId) {
        return "{\"kind\":\"communicationUser\",\"rawId\":\"" + rawId + "\",\"communicationUser\":{\"id\":\"" + rawId
                + "\"}}";
    }

    private static String file(String url) {
        return "{\"kind\":\"file\",\"file\":{\"uri\":\"" + url + "\"}}";
    }

    private JsonNode heard(PersonCall call) {
        String serverCallId = control.callOfConnection(call.callConnectionId()).path("serverCallId").asText();
        return control.heard(serverCallId, call.person()).path("heard");
    }

    private JsonNode dataOf(String path, int index) {
        return receiver.received(path).get(index).json().get(0).path("data");
    }

    private boolean onHold(String path, int index, String rawId) {
        for (JsonNode participant : dataOf(path, index).path("participants")) {
            if (participant.path("identifier").path("rawId").asText().equals(rawId)) {
                return participant.path("isOnHold").asBoolean();
            }
        }
        throw new AssertionError(rawId + " is not in the roster of event " + index);
    }
}
