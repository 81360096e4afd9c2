package dev.acsemulator.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.communication.callautomation.models.FileSource;
import com.azure.communication.callautomation.models.PlayToAllOptions;
import com.azure.core.util.Context;
import dev.acsemulator.admin.client.ControlApiException;
import dev.acsemulator.admin.client.ControlClient;
import dev.acsemulator.admin.client.HttpControlTransport;
import dev.acsemulator.conformance.support.AudioFiles;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a simulated person heard, as audio, through the control API over HTTPS and its Java client; and what they
 * say, as words with a recording of them: uploaded, downloaded, or refused when it is not a voice file.
 */
class HeardAudioAcceptanceTest extends ConformanceTest {

    private static final int PROMPT_SAMPLES = 16 * 700;
    private static final String API = "?api-version=2026-03-12";
    private final AudioFiles files = new AudioFiles();
    private final ControlClient overHttp = new ControlClient(new HttpControlTransport(
            EmulatorUnderTest.emulator().httpsEndpoint(), EmulatorUnderTest.emulator().tls().clientSslContext(),
            null));

    @AfterEach
    void stopServingFiles() {
        files.close();
    }

    @Test
    void theWavOfWhatAPersonHeardCarriesThePromptTheSdkPlayedSampleForSample() throws Exception {
        PersonCall call = connectedCallToPerson();
        String prompt = files.serve("/saw.wav", sawToothWav(PROMPT_SAMPLES));
        client.getCallConnection(call.callConnectionId()).getCallMedia().playToAllWithResponse(
                new PlayToAllOptions(new FileSource().setUrl(prompt)).setOperationContext("saw"), Context.NONE);
        receiver.awaitEventSequence(call.callbackPath(), "CallConnected", "ParticipantsUpdated", "PlayCompleted");
        String serverCallId = serverCallId(call);

        HttpResponse<byte[]> raw = get("/admin/calls/" + serverCallId + "/participants/"
                + encode(call.person()) + "/heard.wav");
        byte[] wav = overHttp.heardAudio(serverCallId, call.person());

        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().firstValue("content-type")).hasValue("audio/wav");
        ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(header.getShort(22)).as("mono").isEqualTo((short) 1);
        assertThat(header.getInt(24)).as("16 kHz").isEqualTo(16_000);
        assertThat(header.getShort(34)).as("16-bit").isEqualTo((short) 16);
        short[] samples = samples(wav);
        int start = indexOf(samples, sawTooth(0));
        assertThat(start).as("the prompt's first samples are in what the person heard").isNotNegative();
        for (int i = 0; i < PROMPT_SAMPLES; i++) {
            assertThat(samples[start + i]).as("sample " + i).isEqualTo(sawTooth(i));
        }
        for (int i = start + PROMPT_SAMPLES; i < samples.length; i++) {
            assertThat(samples[i]).as("silence after the prompt, sample " + i).isZero();
        }
        assertThat(samples(raw.body()).length).as("the same file, a little longer as time went on")
                .isGreaterThanOrEqualTo(start + PROMPT_SAMPLES);
    }

    @Test
    void anUnknownCallOrPersonIsNotFoundInTheControlApisErrorShape() throws Exception {
        PersonCall call = connectedCallToPerson();
        String serverCallId = serverCallId(call);

        assertRefused(() -> overHttp.heardAudio("no-such-call", call.person()), 404, "NotFound");
        assertRefused(() -> overHttp.heardAudio(serverCallId, person()), 404, "NotFound");
        HttpResponse<byte[]> raw = get("/admin/calls/no-such-call/participants/" + encode(call.person())
                + "/heard.wav");
        assertThat(raw.statusCode()).isEqualTo(404);
        assertThat(MAPPER.readTree(raw.body()).path("error").path("code").asText()).isEqualTo("NotFound");
    }

    @Test
    void aPersonSaysAPhraseWithAnUploadedOrDownloadedRecordingAndAFileThatIsNoVoiceIsRefused() {
        PersonCall call = connectedCallToPerson();
        String serverCallId = serverCallId(call);
        String voice = files.serve("/voice.wav", AudioFiles.wav(1, 24_000, 16, 300));

        overHttp.say(serverCallId, call.person(), "yes", AudioFiles.wav(1, 16_000, 16, 300));
        overHttp.sayWithAudioFrom(serverCallId, call.person(), "yes please", voice);
        overHttp.say(serverCallId, call.person(), "in the synthetic voice");

        assertThat(files.fetches("/voice.wav")).isEqualTo(1);
        assertRefused(() -> overHttp.say(serverCallId, call.person(), "no", AudioFiles.wav(2, 16_000, 16, 300)),
                400, "BadRequest");
        assertRefused(() -> overHttp.say(serverCallId, call.person(), "no", AudioFiles.wav(1, 8_000, 16, 300)),
                400, "BadRequest");
        assertRefused(() -> overHttp.sayWithAudioFrom(serverCallId, call.person(), "no",
                "http://127.0.0.1:1/nothing.wav"), 400, "BadRequest");
        assertRefused(() -> overHttp.sayWithAudioFrom(serverCallId, call.person(), "no", "ftp://example/x.wav"),
                400, "BadRequest");
        String both = "{\"phrase\":\"no\",\"audioUrl\":\"" + voice + "\",\"audio\":\""
                + Base64.getEncoder().encodeToString(AudioFiles.wav(1, 16_000, 16, 100)) + "\"}";
        assertThat(http.send("POST", "/admin/calls/" + serverCallId + "/participants/" + encode(call.person())
                + ":say", both).statusCode()).isEqualTo(400);
        assertThat(http.send("POST", "/admin/calls/" + serverCallId + "/participants/" + encode(call.person())
                + ":say", "{\"phrase\":\"no\",\"audio\":\"%%%\"}").statusCode()).isEqualTo(400);
        assertThat(overHttp.call(serverCallId).path("participants")).as("the call goes on").hasSize(2);
    }

    @Test
    void aScriptedPhraseWithARecordingToDownloadIsRecognizedByItsWordsOnceTheFileArrived() {
        String voice = files.serve("/bill.wav", AudioFiles.wav(1, 16_000, 16, 1_200));
        String person = person();
        control.setBehaviour(person, "{\"response\":\"answer\",\"answerAfter\":\"PT0.1S\",\"answers\":["
                + "{\"say\":\"I would like to pay my bill\",\"audioUrl\":\"" + voice + "\"}]}");
        String path = newCallbackPath();
        String target = "{\"kind\":\"communicationUser\",\"rawId\":\"" + person + "\",\"communicationUser\":{\"id\":\""
                + person + "\"}}";
        HttpResponse<String> created = http.send("POST", "/calling/callConnections" + API, "{\"targets\":[" + target
                + "],\"callbackUri\":\"" + receiver.url(path) + "\",\"callIntelligenceOptions\":"
                + "{\"cognitiveServicesEndpoint\":\"https://contoso-ai.cognitiveservices.azure.com/\"}}");
        receiver.awaitEventTypes(path, types -> types.contains("ParticipantsUpdated"));
        String id = json(created).path("callConnectionId").asText();

        assertThat(http.send("POST", "/calling/callConnections/" + id + ":recognize" + API,
                "{\"recognizeInputType\":\"speech\",\"recognizeOptions\":{\"targetParticipant\":" + target
                        + ",\"speechOptions\":{\"endSilenceTimeoutInMs\":200}}}").statusCode()).isEqualTo(202);

        receiver.awaitEventSequence(path, "CallConnected", "ParticipantsUpdated", "RecognizeCompleted");
        assertThat(receiver.received(path).get(2).json().get(0).path("data").path("speechResult").path("speech")
                .asText()).isEqualTo("I would like to pay my bill");
        assertThat(files.fetches("/bill.wav")).isEqualTo(1);
    }

    private static void assertRefused(Runnable action, int status, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ControlApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    private String serverCallId(PersonCall call) {
        return control.callOfConnection(call.callConnectionId()).path("serverCallId").asText();
    }

    private static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(EmulatorUnderTest.emulator().tls().clientSslContext()).build();
        return client.send(HttpRequest.newBuilder(URI.create(EmulatorUnderTest.emulator().httpsEndpoint()
                .replaceAll("/$", "") + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String encode(String rawId) {
        return java.net.URLEncoder.encode(rawId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static short sawTooth(int i) {
        return (short) (700 + (i * 11) % 6_007);
    }

    private static byte[] sawToothWav(int count) {
        byte[] wav = AudioFiles.wav(1, 16_000, 16, count / 16);
        ByteBuffer data = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            data.putShort(44 + 2 * i, sawTooth(i));
        }
        return wav;
    }

    private static short[] samples(byte[] wav) {
        ByteBuffer data = ByteBuffer.wrap(wav, 44, wav.length - 44).order(ByteOrder.LITTLE_ENDIAN);
        short[] out = new short[(wav.length - 44) / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = data.getShort();
        }
        return out;
    }

    private static int indexOf(short[] samples, short first) {
        for (int i = 0; i + PROMPT_SAMPLES <= samples.length; i++) {
            if (samples[i] == first && samples[i + 1] == sawTooth(1) && samples[i + 2] == sawTooth(2)) {
                return i;
            }
        }
        return -1;
    }
}
