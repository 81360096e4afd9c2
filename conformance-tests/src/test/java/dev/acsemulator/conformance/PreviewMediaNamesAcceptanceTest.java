package dev.acsemulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.conformance.support.AudioFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The previews' older names of built operations (openapi/DEVIATIONS.md 45), each at an api-version that has it,
 * over signed raw HTTP: no official SDK of ours sends them. SendDtmf (2023-06-15-preview), StartHoldMusic and
 * StopHoldMusic, Unmute and InterruptAudioAndAnnounce (2024-09-01-preview). Every event is checked against its
 * api-version's schema ({@link ConformanceTest}).
 */
class PreviewMediaNamesAcceptanceTest extends ConformanceTest {

    private static final String DTMF_PREVIEW = "2023-06-15-preview";
    private static final String PREVIEW = "2024-09-01-preview";
    private final AudioFiles files = new AudioFiles();

    @AfterEach
    void stopServingFiles() {
        files.close();
    }

    @Test
    void sendDtmfIsSendDtmfTonesAnsweredWithoutABodyAndCompletes() {
        String path = newCallbackPath();
        String number = "+1425" + (1_000_000 + (int) (Math.random() * 8_999_999));
        String id = createCallRaw(DTMF_PREVIEW, "4:" + number, path).path("callConnectionId").asText();
        receiver.awaitEventTypes(path, types -> types.contains("ParticipantsUpdated"));
        String phone = "{\"kind\":\"phoneNumber\",\"rawId\":\"4:" + number + "\",\"phoneNumber\":{\"value\":\""
                + number + "\"}}";

        HttpResponse<String> sent = send(DTMF_PREVIEW, id, ":sendDtmf", "{\"tones\":[\"one\",\"pound\"],"
                + "\"targetParticipant\":" + phone + ",\"operationContext\":\"dial\"}");
        HttpResponse<String> tooMany = send(DTMF_PREVIEW, id, ":sendDtmf", "{\"tones\":[" + "\"one\",".repeat(18)
                + "\"two\"],\"targetParticipant\":" + phone + "}");

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        assertThat(sent.body()).isEmpty();
        assertThat(tooMany.statusCode()).as(tooMany.body()).isEqualTo(400);
        receiver.awaitEventSequence(path, "CallConnected", "ParticipantsUpdated", "SendDtmfTonesCompleted");
        assertThat(dataOf(path, 2).path("operationContext").asText()).isEqualTo("dial");
    }

    @Test
    void startHoldMusicHoldsWithItsMusicAndStopHoldMusicUnholds() {
        PersonCall call = connectedCallToPersonAt(PREVIEW);
        String music = files.serve("/old-hold-music.wav", AudioFiles.playableWav(200));

        HttpResponse<String> noLoop = send(PREVIEW, call.callConnectionId(), ":startHoldMusic",
                "{\"targetParticipant\":" + identifier(call.person()) + ",\"playSourceInfo\":" + file(music)
                        + ",\"loop\":false}");
        HttpResponse<String> started = send(PREVIEW, call.callConnectionId(), ":startHoldMusic",
                "{\"targetParticipant\":" + identifier(call.person()) + ",\"playSourceInfo\":" + file(music)
                        + ",\"loop\":true,\"operationContext\":\"music\"}");

        assertThat(noLoop.statusCode()).as(noLoop.body()).isEqualTo(501);
        assertThat(json(noLoop).path("error").path("message").asText()).contains("'loop'");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        receiver.awaitEventSequence(call.callbackPath(), "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated",
                "HoldAudioStarted");
        assertThat(isOnHold(call.callbackPath(), 2, call.person())).isTrue();
        assertThat(dataOf(call.callbackPath(), 3).path("operationContext").asText()).isEqualTo("music");
        assertThat(send(PREVIEW, call.callConnectionId(), ":stopHoldMusic", "{\"targetParticipant\":"
                + identifier(call.person()) + "}").statusCode()).isEqualTo(200);
        receiver.awaitEventSequence(call.callbackPath(), "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated",
                "HoldAudioStarted", "HoldAudioCompleted", "ParticipantsUpdated");
        assertThat(isOnHold(call.callbackPath(), 5, call.person())).isFalse();
    }

    @Test
    void unmuteUndoesAMuteAndAnswersItsOperationContext() {
        PersonCall call = connectedCallToPersonAt(PREVIEW);
        String targets = "{\"targetParticipants\":[" + identifier(call.person()) + "],\"operationContext\":\"ctx\"}";

        assertThat(send(PREVIEW, call.callConnectionId(), "/participants:mute", targets).statusCode())
                .isEqualTo(200);
        receiver.awaitEventSequence(call.callbackPath(), "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated");
        HttpResponse<String> unmuted = send(PREVIEW, call.callConnectionId(), "/participants:unmute", targets);
        HttpResponse<String> again = send(PREVIEW, call.callConnectionId(), "/participants:unmute", targets);

        assertThat(unmuted.statusCode()).as(unmuted.body()).isEqualTo(200);
        assertThat(json(unmuted).path("operationContext").asText()).isEqualTo("ctx");
        assertThat(again.statusCode()).as("unmuting someone not muted changes nothing").isEqualTo(200);
        receiver.awaitEventSequence(call.callbackPath(), "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated",
                "ParticipantsUpdated");
        assertThat(participant(call.callbackPath(), 2, call.person()).path("isMuted").asBoolean()).isTrue();
        assertThat(participant(call.callbackPath(), 3, call.person()).path("isMuted").asBoolean()).isFalse();
    }

    @Test
    void interruptAudioAndAnnouncePausesTheHoldMusicForTheAnnouncementAndResumesIt() {
        PersonCall call = connectedCallToPersonAt(PREVIEW);
        String music = files.serve("/held-music.wav", AudioFiles.playableWav(200));
        String notice = files.serve("/announcement.wav", AudioFiles.playableWav(150));
        assertThat(send(PREVIEW, call.callConnectionId(), ":hold", "{\"targetParticipant\":"
                + identifier(call.person()) + ",\"playSourceInfo\":" + file(music) + "}").statusCode()).isEqualTo(200);
        receiver.awaitEventSequence(call.callbackPath(), "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated",
                "HoldAudioStarted");

        HttpResponse<String> noPlayTo = send(PREVIEW, call.callConnectionId(), ":interruptAudioAndAnnounce",
                "{\"playSources\":[" + file(notice) + "]}");
        HttpResponse<String> announced = send(PREVIEW, call.callConnectionId(), ":interruptAudioAndAnnounce",
                "{\"playSources\":[" + file(notice) + "],\"playTo\":" + identifier(call.person())
                        + ",\"operationContext\":\"notice\"}");

        assertThat(noPlayTo.statusCode()).as(noPlayTo.body()).isEqualTo(400);
        assertThat(announced.statusCode()).as(announced.body()).isEqualTo(202);
        receiver.awaitEventSequence(call.callbackPath(), "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated",
                "HoldAudioStarted", "HoldAudioPaused", "PlayStarted", "HoldAudioResumed", "PlayCompleted");
        assertThat(dataOf(call.callbackPath(), 7).path("operationContext").asText()).isEqualTo("notice");
        String serverCallId = control.callOfConnection(call.callConnectionId()).path("serverCallId").asText();
        assertThat(control.heard(serverCallId, call.person()).path("heard"))
                .extracting(line -> line.path("uri").asText() + " " + line.path("ending").asText())
                .startsWith(music + " cutOff", notice + " completed");
    }

    private HttpResponse<String> send(String apiVersion, String callConnectionId, String action, String body) {
        return http.send("POST", "/calling/callConnections/" + callConnectionId + action + "?api-version="
                + apiVersion, body);
    }

    private static String identifier(String rawId) {
        return "{\"kind\":\"communicationUser\",\"rawId\":\"" + rawId + "\",\"communicationUser\":{\"id\":\"" + rawId
                + "\"}}";
    }

    private static String file(String url) {
        return "{\"kind\":\"file\",\"file\":{\"uri\":\"" + url + "\"}}";
    }

    private JsonNode dataOf(String path, int index) {
        return receiver.received(path).get(index).json().get(0).path("data");
    }

    private JsonNode participant(String path, int index, String rawId) {
        for (JsonNode participant : dataOf(path, index).path("participants")) {
            if (participant.path("identifier").path("rawId").asText().equals(rawId)) {
                return participant;
            }
        }
        throw new AssertionError(rawId + " is not in the roster of event " + index);
    }

    private boolean isOnHold(String path, int index, String rawId) {
        return participant(path, index, rawId).path("isOnHold").asBoolean();
    }
}
