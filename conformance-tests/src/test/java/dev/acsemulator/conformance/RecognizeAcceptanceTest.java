package dev.acsemulator.conformance;

import com.azure.communication.callautomation.CallConnection;
import com.azure.communication.callautomation.models.CallMediaRecognizeDtmfOptions;
import com.azure.communication.callautomation.models.DtmfResult;
import com.azure.communication.callautomation.models.DtmfTone;
import com.azure.communication.callautomation.models.FileSource;
import com.azure.communication.callautomation.models.PlayToAllOptions;
import com.azure.communication.callautomation.models.events.RecognizeCompleted;
import com.azure.communication.common.CommunicationUserIdentifier;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recognize (call-automation-behaviour.md §2.14, §2.21, §2.22, §4 media codes) against scripted simulated people: an
 * inbound IVR call through the Java SDK 1.0.4 (which has startRecognizing and file prompts, but neither text prompts
 * nor a cognitiveServicesEndpoint, so those go over signed raw HTTP), then every ending of a recognize and its code
 * over raw HTTP at 2026-03-12. Every event is checked against its api-version's schema by the suite.
 */
class RecognizeAcceptanceTest extends ConformanceTest {

    private static final String API = "?api-version=2026-03-12";
    private static final String COGNITIVE = "https://contoso-ai.cognitiveservices.azure.com/";
    private final AudioFiles files = new AudioFiles();

    @AfterEach
    void stopServingFiles() {
        files.close();
    }

    @Test
    void anInboundIvrCallPlaysItsTextMenuGetsTheKeyTheCallerPressesAndPlaysTheGoodbyeFileForItsLength() {
        String caller = person();
        control.setBehaviour(caller, "{\"response\":\"answer\",\"answers\":[{\"press\":\"2\",\"after\":\"PT1S\"}]}");
        String app = appUser();
        int before = receiver.notifications(EmulatorUnderTest.INCOMING_PATH).size();
        String serverCallId = control.placeInboundCall(caller, app, "Caller", Map.of(), Map.of());
        JsonNode incoming = receiver.awaitIncomingCall(EmulatorUnderTest.INCOMING_PATH, before + 1);
        String path = newCallbackPath();
        HttpResponse<String> answered = http.send("POST", "/calling/callConnections:answer" + API,
                "{\"incomingCallContext\":\"" + incoming.path("data").path("incomingCallContext").asText()
                        + "\",\"callbackUri\":\"" + receiver.url(path) + "\",\"callIntelligenceOptions\":"
                        + "{\"cognitiveServicesEndpoint\":\"" + COGNITIVE + "\"}}");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        String id = json(answered).path("callConnectionId").asText();
        receiver.awaitEventSequence(path, "CallConnected", "ParticipantsUpdated");
        String menu = files.serve("/menu.wav", AudioFiles.playableWav(3_000));
        String goodbye = files.serve("/goodbye.wav", AudioFiles.playableWav(700));
        CallConnection connection = client.getCallConnection(id);

        assertThat(http.send("POST", "/calling/callConnections/" + id + ":play" + API, "{\"playSources\":[{\"kind\":"
                + "\"text\",\"text\":{\"text\":\"Welcome to Contoso.\",\"voiceName\":\"en-US-JennyNeural\"}}],"
                + "\"operationContext\":\"welcome\"}").statusCode()).isEqualTo(202);
        receiver.awaitEventSequence(path, "CallConnected", "ParticipantsUpdated", "PlayStarted", "PlayCompleted");
        connection.getCallMedia().startRecognizingWithResponse(new CallMediaRecognizeDtmfOptions(
                new CommunicationUserIdentifier(caller), 1).setPlayPrompt(new FileSource().setUrl(menu))
                .setInterruptPrompt(true).setInitialSilenceTimeout(Duration.ofSeconds(5))
                .setOperationContext("main-menu"), Context.NONE);
        receiver.awaitEventSequence(path, "CallConnected", "ParticipantsUpdated", "PlayStarted", "PlayCompleted",
                "PlayStarted", "RecognizeCompleted");
        connection.getCallMedia().playToAllWithResponse(new PlayToAllOptions(new FileSource().setUrl(goodbye))
                .setOperationContext("goodbye"), Context.NONE);
        receiver.awaitEventSequence(path, "CallConnected", "ParticipantsUpdated", "PlayStarted", "PlayCompleted",
                "PlayStarted", "RecognizeCompleted", "PlayStarted", "PlayCompleted");
        connection.hangUp(true);

        receiver.awaitEventSequence(path, "CallConnected", "ParticipantsUpdated", "PlayStarted", "PlayCompleted",
                "PlayStarted", "RecognizeCompleted", "PlayStarted", "PlayCompleted", "CallDisconnected");
        assertThat(receiver.events(path)).filteredOn(RecognizeCompleted.class::isInstance).singleElement()
                .satisfies(event -> assertThat(((RecognizeCompleted) event).getRecognizeResult())
                        .containsInstanceOf(DtmfResult.class).get()
                        .satisfies(result -> assertThat(((DtmfResult) result).getTones())
                                .containsExactly(DtmfTone.TWO)));
        assertThat(dataOf(path, 4).path("operationContext").asText()).as("the menu prompt's PlayStarted at 2026-03-12")
                .isEqualTo("main-menu");
        JsonNode recognized = dataOf(path, 5);
        assertThat(recognized.path("operationContext").asText()).isEqualTo("main-menu");
        assertThat(recognized.path("recognitionType").asText()).isEqualTo("dtmf");
        assertThat(recognized.path("dtmfResult").path("tones")).extracting(JsonNode::asText).containsExactly("two");
        assertThat(recognized.path("resultInformation").path("code").asInt()).isEqualTo(200);
        assertThat(recognized.path("resultInformation").path("subCode").asInt()).isEqualTo(8531);
        JsonNode heard = control.heard(serverCallId, caller).path("heard");
        assertThat(heard).extracting(prompt -> prompt.path("ending").asText())
                .containsExactly("completed", "cutOff", "completed");
        assertThat(heard.get(0).path("text").asText()).isEqualTo("Welcome to Contoso.");
        assertThat(heard.get(1).path("uri").asText()).isEqualTo(menu);
        assertThat(lasted(heard.get(1))).as("the key cut the menu off").isLessThan(Duration.ofMillis(3_000));
        assertThat(heard.get(2).path("uri").asText()).isEqualTo(goodbye);
        assertThat(lasted(heard.get(2))).isBetween(Duration.ofMillis(700), Duration.ofMillis(1_500));
        assertThat(files.fetches("/menu.wav")).isEqualTo(1);
    }

    @Test
    void aStopToneEndsADtmfRecognizeWith8514AndTheKeysBeforeIt() {
        Call call = callTo(scripted("{\"press\":\"12#\",\"after\":\"PT0.1S\"}"));

        assertThat(recognize(call, "dtmf", "\"dtmfOptions\":{\"maxTonesToCollect\":5,\"stopTones\":[\"pound\"]}",
                null).statusCode()).isEqualTo(202);

        receiver.awaitEventSequence(call.path, "CallConnected", "ParticipantsUpdated", "RecognizeCompleted");
        assertThat(dataOf(call.path, 2).path("dtmfResult").path("tones")).extracting(JsonNode::asText)
                .containsExactly("one", "two");
        assertThat(resultOf(call.path, 2).path("subCode").asInt()).isEqualTo(8514);
        assertThat(resultOf(call.path, 2).path("message").asText())
                .isEqualTo("Action completed as stop tone was detected.");
    }

    @Test
    void anInterToneTimeoutCompletesTheRecognizeWith400And8532AndTheKeysSoFar() {
        Call call = callTo(scripted("{\"press\":\"4\"}"));

        recognize(call, "dtmf", "\"dtmfOptions\":{\"maxTonesToCollect\":3,\"interToneTimeoutInSeconds\":1}", null);

        receiver.awaitEventSequence(call.path, "CallConnected", "ParticipantsUpdated", "RecognizeCompleted");
        assertThat(dataOf(call.path, 2).path("dtmfResult").path("tones")).extracting(JsonNode::asText)
                .containsExactly("four");
        assertThat(resultOf(call.path, 2).path("code").asInt()).isEqualTo(400);
        assertThat(resultOf(call.path, 2).path("subCode").asInt()).isEqualTo(8532);
    }

    @Test
    void aSilentPersonFailsTheRecognizeWith8510AfterThePromptWithItsPlayStartedButNoPlayCompleted() {
        Call call = callTo(RESOURCE_USER_PREFIX + "caller-" + System.nanoTime() + "_silent");

        recognize(call, "dtmf", "\"initialSilenceTimeoutInSeconds\":1", "{\"kind\":\"text\",\"text\":{\"text\":"
                + "\"Please enter your account number.\"}}");

        receiver.awaitEventSequence(call.path, "CallConnected", "ParticipantsUpdated", "PlayStarted",
                "RecognizeFailed");
        assertThat(resultOf(call.path, 2).path("message").asText()).as("the prompt's PlayStarted at 2026-03-12")
                .isEqualTo("Success Result");
        assertThat(resultOf(call.path, 3).path("code").asInt()).isEqualTo(400);
        assertThat(resultOf(call.path, 3).path("subCode").asInt()).isEqualTo(8510);
        assertThat(resultOf(call.path, 3).path("message").asText())
                .isEqualTo("Action failed, initial silence timeout reached.");
        assertThat(dataOf(call.path, 3).has("failedPlaySourceIndex")).isFalse();
        JsonNode prompt = control.heard(serverCallId(call), call.person).path("heard").get(0);
        assertThat(prompt.path("ending").asText()).isEqualTo("completed");
        Duration sincePromptEnded = Duration.between(Instant.parse(prompt.path("end").asText()),
                Instant.parse(receiver.received(call.path).get(3).json().get(0).path("time").asText()));
        assertThat(sincePromptEnded).as("the initial silence timer starts when the prompt ends")
                .isGreaterThanOrEqualTo(Duration.ofMillis(990));
    }

    @Test
    void withoutInterruptPromptAKeyPressedDuringThePromptIsIgnored() {
        String person = scripted("{\"press\":\"7\",\"after\":\"PT0.1S\"}");
        Call call = callTo(person);
        String menu = files.serve("/long-menu.wav", AudioFiles.playableWav(1_000));

        recognize(call, "dtmf", "\"initialSilenceTimeoutInSeconds\":1", file(menu));

        receiver.awaitEventSequence(call.path, "CallConnected", "ParticipantsUpdated", "PlayStarted",
                "RecognizeFailed");
        assertThat(resultOf(call.path, 3).path("subCode").asInt()).isEqualTo(8510);
        assertThat(control.heard(serverCallId(call), person).path("heard").get(0).path("ending").asText())
                .isEqualTo("completed");
    }

    @Test
    void aChoiceIsMatchedByOneOfItsPhrasesOrByItsToneWith8545() {
        Call byPhrase = callTo(scripted("{\"say\":\"Billing.\"}"));
        Call byTone = callTo(scripted("{\"press\":\"2\"}"));
        String choices = "\"choices\":[{\"label\":\"Sales\",\"phrases\":[\"sales\",\"buy\"],\"tone\":\"one\"},"
                + "{\"label\":\"Billing\",\"phrases\":[\"billing\",\"invoice\"],\"tone\":\"two\"}]";

        recognize(byPhrase, "choices", choices, null);
        recognize(byTone, "choices", choices, null);

        receiver.awaitEventSequence(byPhrase.path, "CallConnected", "ParticipantsUpdated", "RecognizeCompleted");
        receiver.awaitEventSequence(byTone.path, "CallConnected", "ParticipantsUpdated", "RecognizeCompleted");
        JsonNode said = dataOf(byPhrase.path, 2);
        assertThat(said.path("recognitionType").asText()).isEqualTo("choices");
        assertThat(said.path("choiceResult").path("label").asText()).isEqualTo("Billing");
        assertThat(said.path("choiceResult").path("recognizedPhrase").asText()).isEqualTo("Billing.");
        assertThat(said.path("resultInformation").path("subCode").asInt()).isEqualTo(8545);
        assertThat(said.path("choiceResult").path("confidence").asDouble()).isEqualTo(1.0);
        JsonNode pressed = dataOf(byTone.path, 2);
        assertThat(pressed.path("choiceResult").path("label").asText()).isEqualTo("Billing");
        assertThat(pressed.path("choiceResult").has("recognizedPhrase")).as("null for a tone, as the spec says")
                .isFalse();
        assertThat(pressed.path("choiceResult").has("confidence")).as("no words, no confidence").isFalse();
        assertThat(pressed.path("resultInformation").path("subCode").asInt()).isEqualTo(8545);
    }

    @Test
    void aPhraseThatIsNoChoiceFailsWith8547() {
        Call call = callTo(scripted("{\"say\":\"I want a refund\"}"));

        recognize(call, "choices", "\"choices\":[{\"label\":\"Sales\",\"phrases\":[\"sales\"]}]", null);

        receiver.awaitEventSequence(call.path, "CallConnected", "ParticipantsUpdated", "RecognizeFailed");
        assertThat(resultOf(call.path, 2).path("subCode").asInt()).isEqualTo(8547);
    }

    @Test
    void speechIsRecognizedAfterTheEndSilenceWith8569() {
        Call call = callTo(scripted("{\"say\":\"I would like to pay my bill\"}"));

        recognize(call, "speech", "\"speechOptions\":{\"endSilenceTimeoutInMs\":200}", null);

        receiver.awaitEventSequence(call.path, "CallConnected", "ParticipantsUpdated", "RecognizeCompleted");
        assertThat(dataOf(call.path, 2).path("recognitionType").asText()).isEqualTo("speech");
        assertThat(dataOf(call.path, 2).path("speechResult").path("speech").asText())
                .isEqualTo("I would like to pay my bill");
        assertThat(dataOf(call.path, 2).path("speechResult").path("confidence").asDouble())
                .as("the words are exactly what the person said").isEqualTo(1.0);
        assertThat(resultOf(call.path, 2).path("subCode").asInt()).isEqualTo(8569);
    }

    @Test
    void aPromptThatCannotPlayFailsTheRecognizeWith500And8511AndItsIndex() {
        Call call = callTo(person());
        String stereo = files.serve("/stereo-prompt.wav", AudioFiles.wav(2, 44_100, 16, 200));

        recognize(call, "dtmf", null, file(stereo));

        receiver.awaitEventSequence(call.path, "CallConnected", "ParticipantsUpdated", "RecognizeFailed");
        assertThat(resultOf(call.path, 2).path("code").asInt()).isEqualTo(500);
        assertThat(resultOf(call.path, 2).path("subCode").asInt()).isEqualTo(8511);
        assertThat(resultOf(call.path, 2).path("message").asText())
                .isEqualTo("Action failed, encountered failure while trying to play the prompt.");
        assertThat(dataOf(call.path, 2).path("failedPlaySourceIndex").asInt()).isZero();
    }

    @Test
    void cancelAllMediaOperationsCancelsARecognizeWith8508AndASecondRecognizeOfThePersonConflicts() {
        Call call = callTo(person());
        assertThat(recognize(call, "dtmf", "\"initialSilenceTimeoutInSeconds\":60", null).statusCode())
                .isEqualTo(202);
        assertThat(control.call(serverCallId(call)).path("mediaOperations").get(0).path("kind").asText())
                .isEqualTo("recognize");

        HttpResponse<String> second = recognize(call, "dtmf", null, null);
        HttpResponse<String> cancelled = http.send("POST", "/calling/callConnections/" + call.id
                + ":cancelAllMediaOperations" + API, "{}");

        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(json(second).path("error").path("code").asText()).isEqualTo("8519");
        assertThat(cancelled.statusCode()).isEqualTo(202);
        receiver.awaitEventSequence(call.path, "CallConnected", "ParticipantsUpdated", "RecognizeCanceled");
        assertThat(resultOf(call.path, 2).path("subCode").asInt()).isEqualTo(8508);
        assertThat(dataOf(call.path, 2).path("operationContext").asText()).isEqualTo("recognize");
        assertThat(control.call(serverCallId(call)).path("mediaOperations")).isEmpty();
    }

    @Test
    void aRecognizeWithInterruptCallMediaOperationBargesInOnAPlay() {
        Call call = callTo(person());
        String music = files.serve("/music.wav", AudioFiles.playableWav(30_000));
        http.send("POST", "/calling/callConnections/" + call.id + ":play" + API,
                "{\"playSources\":[" + file(music) + "],\"operationContext\":\"music\"}");
        receiver.awaitEventTypes(call.path, types -> types.contains("PlayStarted"));

        http.send("POST", "/calling/callConnections/" + call.id + ":recognize" + API, body(call.person, "dtmf",
                "\"initialSilenceTimeoutInSeconds\":60", null).replace("{\"recognizeInputType\"",
                "{\"interruptCallMediaOperation\":true,\"recognizeInputType\""));

        receiver.awaitEventSequence(call.path, "CallConnected", "ParticipantsUpdated", "PlayStarted", "PlayCanceled");
        assertThat(control.call(serverCallId(call)).path("mediaOperations")).extracting(op -> op.path("kind").asText())
                .containsExactly("recognize");
    }

    @Test
    void badRecognizeRequestsAreRefusedInTheServicesErrorFormatAndDisturbNothing() {
        Call call = callTo(person());
        String stranger = person();

        HttpResponse<String> noTarget = http.send("POST", "/calling/callConnections/" + call.id + ":recognize" + API,
                "{\"recognizeInputType\":\"dtmf\",\"recognizeOptions\":{}}");
        HttpResponse<String> unknownTarget = http.send("POST", "/calling/callConnections/" + call.id + ":recognize"
                + API, body(stranger, "dtmf", null, null));
        HttpResponse<String> badTone = recognize(call, "dtmf", "\"dtmfOptions\":{\"stopTones\":[\"hash\"]}", null);
        HttpResponse<String> noChoices = recognize(call, "choices", null, null);
        HttpResponse<String> tooLong = recognize(call, "dtmf", "\"initialSilenceTimeoutInSeconds\":301", null);
        HttpResponse<String> noCall = http.send("POST", "/calling/callConnections/no-such-call:recognize" + API,
                body(call.person, "dtmf", null, null));

        assertThat(List.of(noTarget, badTone, noChoices, tooLong)).allSatisfy(response -> {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(json(response).path("error").path("message").asText()).isNotBlank();
        });
        assertThat(unknownTarget.statusCode()).isEqualTo(404);
        assertThat(json(unknownTarget).path("error").path("code").asText()).isEqualTo("8522");
        assertThat(noCall.statusCode()).isEqualTo(404);
        assertThat(control.call(serverCallId(call)).path("mediaOperations")).isEmpty();
        assertThat(recognize(call, "dtmf", "\"initialSilenceTimeoutInSeconds\":0", null).statusCode())
                .as("the call still takes a recognize").isEqualTo(202);
        receiver.awaitEventSequence(call.path, "CallConnected", "ParticipantsUpdated", "RecognizeFailed");
    }

    @Test
    void speechAndChoicesOnACallWithoutAnAzureAiServicesLinkAreRefusedWith405And8522AndDtmfStillListens() {
        String person = person();
        String path = newCallbackPath();
        HttpResponse<String> created = http.send("POST", "/calling/callConnections" + API, "{\"targets\":["
                + identifier(person) + "],\"callbackUri\":\"" + receiver.url(path) + "\"}");
        receiver.awaitEventTypes(path, types -> types.contains("ParticipantsUpdated"));
        Call call = new Call(json(created).path("callConnectionId").asText(), path, person);

        List<HttpResponse<String>> refused = List.of(recognize(call, "speech", null, null),
                recognize(call, "speechOrDtmf", null, null),
                recognize(call, "choices", "\"choices\":[{\"label\":\"Sales\",\"phrases\":[\"sales\"]}]", null),
                recognize(call, "dtmf", null, "{\"kind\":\"text\",\"text\":{\"text\":\"Press one.\"}}"));

        assertThat(refused).allSatisfy(response -> {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(405);
            assertThat(json(response).path("error").path("code").asText()).isEqualTo("8522");
            assertThat(json(response).path("error").path("message").asText()).startsWith(
                    "Request not allowed when Cognitive Service Configuration not set during call setup.");
        });
        assertThat(control.call(serverCallId(call)).path("mediaOperations")).isEmpty();
        assertThat(recognize(call, "dtmf", "\"initialSilenceTimeoutInSeconds\":0", null).statusCode())
                .as("a DTMF recognize without a text prompt needs no link").isEqualTo(202);
        receiver.awaitEventSequence(call.path, "CallConnected", "ParticipantsUpdated", "RecognizeFailed");
        assertThat(resultOf(call.path, 2).path("subCode").asInt()).isEqualTo(8510);
    }

    @Test
    void underVirtualTimeTheDefaultTimersRunToTheMillisecondForAPersonWhoPressesOneEverySecond() {
        try (Emulator virtual = Emulator.start(EmulatorConfig.builder().httpsPort(0).httpPort(-1)
                .dataDir(EmulatorUnderTest.emulator().config().dataDir())
                .clockMode(EmulatorConfig.ClockMode.VIRTUAL).seed(12L).build())) {
            SignedHttp virtualHttp = new SignedHttp(virtual);
            String person = RESOURCE_USER_PREFIX + "ivr-" + System.nanoTime() + "_presses1";
            String path = newCallbackPath();
            HttpResponse<String> created = virtualHttp.send("POST", "/calling/callConnections" + API,
                    "{\"targets\":[" + identifier(person) + "],\"callbackUri\":\"" + receiver.url(path) + "\"}");
            String id = json(created).path("callConnectionId").asText();
            receiver.awaitEventSequence(path, "CallConnected", "ParticipantsUpdated");
            String serverCallId = virtual.control().callOfConnection(id).path("serverCallId").asText();
            String longMenu = files.serve("/thirty-seconds.wav", AudioFiles.playableWav(30_000));
            String shortMenu = files.serve("/half-second.wav", AudioFiles.playableWav(500));
            long started = System.nanoTime();

            virtualHttp.send("POST", "/calling/callConnections/" + id + ":recognize" + API,
                    body(person, "dtmf", null, file(longMenu)));
            receiver.awaitEventSequence(path, "CallConnected", "ParticipantsUpdated", "PlayStarted", "RecognizeFailed");
            virtualHttp.send("POST", "/calling/callConnections/" + id + ":recognize" + API,
                    body(person, "dtmf", "\"dtmfOptions\":{\"maxTonesToCollect\":2}", file(shortMenu)));
            receiver.awaitEventSequence(path, "CallConnected", "ParticipantsUpdated", "PlayStarted", "RecognizeFailed",
                    "PlayStarted", "RecognizeCompleted");

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
            JsonNode heard = virtual.control().heard(serverCallId, person).path("heard");
            assertThat(heard).extracting(prompt -> prompt.path("ending").asText())
                    .as("the key pressed one second into the first prompt was ignored")
                    .containsExactly("completed", "completed");
            assertThat(Duration.between(Instant.parse(heard.get(0).path("end").asText()), eventTime(path, 3)))
                    .as("the default initial silence timeout, from the prompt's end").isEqualTo(Duration.ofSeconds(5));
            assertThat(resultOf(path, 3).path("subCode").asInt()).isEqualTo(8510);
            assertThat(Duration.between(Instant.parse(heard.get(1).path("start").asText()), eventTime(path, 5)))
                    .as("the key at one second, then the default inter-tone timeout of two")
                    .isEqualTo(Duration.ofSeconds(3));
            assertThat(resultOf(path, 5).path("subCode").asInt()).isEqualTo(8532);
            assertThat(dataOf(path, 5).path("dtmfResult").path("tones")).extracting(JsonNode::asText)
                    .containsExactly("one");
        }
    }

    /** A call from the app (2026-03-12, with an Azure AI services link) to a simulated person, connected. */
    private record Call(String id, String path, String person) { }

    private Call callTo(String person) {
        String path = newCallbackPath();
        String body = "{\"targets\":[" + identifier(person) + "],\"callbackUri\":\"" + receiver.url(path)
                + "\",\"callIntelligenceOptions\":{\"cognitiveServicesEndpoint\":\"" + COGNITIVE + "\"}}";
        HttpResponse<String> created = http.send("POST", "/calling/callConnections" + API, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        receiver.awaitEventTypes(path, types -> types.contains("ParticipantsUpdated"));
        return new Call(json(created).path("callConnectionId").asText(), path, person);
    }

    /** A new person whose behaviour answers the first recognize as {@code answerJson} says. */
    private String scripted(String answerJson) {
        String person = person();
        control.setBehaviour(person, "{\"response\":\"answer\",\"answerAfter\":\"PT0.1S\",\"answers\":["
                + answerJson + "]}");
        return person;
    }

    private HttpResponse<String> recognize(Call call, String type, String options, String prompt) {
        return http.send("POST", "/calling/callConnections/" + call.id + ":recognize" + API,
                body(call.person, type, options, prompt));
    }

    private static String body(String target, String type, String options, String prompt) {
        return "{\"recognizeInputType\":\"" + type + "\"" + (prompt == null ? "" : ",\"playPrompt\":" + prompt)
                + ",\"recognizeOptions\":{\"targetParticipant\":" + identifier(target)
                + (options == null ? "" : "," + options) + "},\"operationContext\":\"recognize\"}";
    }

    private static String identifier(String rawId) {
        return "{\"kind\":\"communicationUser\",\"rawId\":\"" + rawId + "\",\"communicationUser\":{\"id\":\""
                + rawId + "\"}}";
    }

    private static String file(String url) {
        return "{\"kind\":\"file\",\"file\":{\"uri\":\"" + url + "\"}}";
    }

    private static Duration lasted(JsonNode heard) {
        return Duration.between(Instant.parse(heard.path("start").asText()),
                Instant.parse(heard.path("end").asText()));
    }

    private Instant eventTime(String path, int index) {
        return Instant.parse(receiver.received(path).get(index).json().get(0).path("time").asText());
    }

    private JsonNode dataOf(String path, int index) {
        return receiver.received(path).get(index).json().get(0).path("data");
    }

    private String serverCallId(Call call) {
        return control.callOfConnection(call.id).path("serverCallId").asText();
    }
}
