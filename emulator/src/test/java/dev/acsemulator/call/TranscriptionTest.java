package dev.acsemulator.call;

import static dev.acsemulator.call.CallWorld.ALICE;
import static dev.acsemulator.call.CallWorld.done;
import static dev.acsemulator.call.CallWorld.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.media.PersonInput;
import dev.acsemulator.call.transcription.SpokenWords;
import dev.acsemulator.call.transcription.TranscriptFrame;
import dev.acsemulator.call.transcription.TranscriptionRequest;
import dev.acsemulator.call.transcription.TranscriptionResults;
import dev.acsemulator.call.transcription.TranscriptionService;
import dev.acsemulator.call.transcription.TranscriptionSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real-time transcription on a call of the domain (docs/side-channels.md B, call-automation-behaviour.md §2.18). */
class TranscriptionTest {

    private static final String AI = "https://ai.example.cognitiveservices.azure.com/";
    private static final TranscriptionSettings WITH_INTERMEDIATE = new TranscriptionSettings(
            "wss://app.example/transcripts", "en-US", false, true, null);

    private final CallWorld world = new CallWorld();
    private final SocketsThatKeepFrames sockets = new SocketsThatKeepFrames();
    private final TranscriptionService transcriptions = new TranscriptionService(world.calls, world.registry,
            sockets, Clock.systemUTC());
    private final PersonActions people = new PersonActions(world.registry);

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void whatAPersonSaysArrivesAsIntermediateResultsWithGrowingWordsThenOneFinalWithAllOfThem() {
        String id = transcribedCall(WITH_INTERMEDIATE);
        done(transcriptions.start(request(id, null, "start")));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "TranscriptionStarted");

        say(id, "I would like to pay my bill");

        await().atMost(CallWorld.WAIT).until(() -> !sockets.of(TranscriptFrame.Data.class).isEmpty()
                && last().resultStatus() == TranscriptFrame.ResultStatus.FINAL);
        assertThat(sockets.frames.get(0)).isInstanceOf(TranscriptFrame.Metadata.class);
        List<TranscriptFrame.Data> results = sockets.of(TranscriptFrame.Data.class);
        assertThat(results).extracting(TranscriptFrame.Data::text).containsExactly("I", "I would", "I would like",
                "I would like to", "I would like to pay", "I would like to pay my", "I would like to pay my bill.");
        assertThat(results).extracting(TranscriptFrame.Data::resultStatus).containsExactly(
                intermediate(6, TranscriptFrame.ResultStatus.FINAL));
        TranscriptFrame.Data fin = last();
        assertThat(fin.words()).extracting(TranscriptFrame.Word::text)
                .containsExactly("i", "would", "like", "to", "pay", "my", "bill");
        assertThat(fin.participantRawId()).isEqualTo(ALICE.rawId());
        assertThat(fin.confidence()).isPositive();
        assertThat(fin.durationTicks()).isEqualTo(7 * 400 * SpokenWords.TICKS_PER_MILLI);
        long at = fin.offsetTicks();
        for (TranscriptFrame.Word word : fin.words()) {
            assertThat(word.offsetTicks()).as("each word starts where the one before ended").isEqualTo(at);
            at += word.durationTicks();
        }
        assertThat(at).isEqualTo(fin.offsetTicks() + fin.durationTicks());
        for (int i = 0; i < results.size() - 1; i++) {
            assertThat(results.get(i).words()).as("an intermediate result's words begin the final's")
                    .isEqualTo(fin.words().subList(0, i + 1));
        }
    }

    @Test
    void withoutIntermediateResultsOnlyTheFinalIsSentAndItsOffsetCountsFromTheStart() {
        String id = transcribedCall(new TranscriptionSettings("wss://app.example/t", "en-GB", false, false, null));
        done(transcriptions.start(request(id, null, null)));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "TranscriptionStarted");
        await().pollDelay(Duration.ofMillis(300)).atMost(CallWorld.WAIT).until(() -> true);
        say(id, "yes");

        await().atMost(CallWorld.WAIT).until(() -> sockets.of(TranscriptFrame.Data.class).size() == 1);
        assertThat(last().resultStatus()).isEqualTo(TranscriptFrame.ResultStatus.FINAL);
        assertThat(last().text()).isEqualTo("Yes.");
        assertThat(last().offsetTicks()).as("said at least 300 ms after the start")
                .isGreaterThanOrEqualTo(300 * SpokenWords.TICKS_PER_MILLI);
        assertThat(sockets.of(TranscriptFrame.Metadata.class)).singleElement()
                .satisfies(metadata -> assertThat(metadata.locale()).isEqualTo("en-gb"));
    }

    @Test
    void updateSendsNewMetadataWithTheNewLocaleAndUpdatedEchoesTheStartsContext() {
        String id = transcribedCall(WITH_INTERMEDIATE);
        done(transcriptions.start(request(id, null, "start-ctx")));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "TranscriptionStarted");

        done(transcriptions.update(request(id, "fr-FR", "update-ctx")));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "TranscriptionStarted", "TranscriptionUpdated");
        CallEvent.TranscriptionUpdated updated = world.events.single(id, CallEvent.TranscriptionUpdated.class);
        assertThat(updated.header().operationContext()).isEqualTo("start-ctx");
        assertThat(updated.transcriptionUpdate().transcriptionStatus()).isEqualTo("transcriptionUpdated");
        assertThat(updated.transcriptionUpdate().transcriptionStatusDetails()).isEqualTo("transcriptionLocaleUpdated");
        assertThat(sockets.of(TranscriptFrame.Metadata.class)).extracting(TranscriptFrame.Metadata::locale)
                .containsExactly("en-us", "fr-fr");
    }

    @Test
    void stopClosesTheSocketDropsWhatWasNotYetSaidAndSendsStoppedWithTheStopsContext() {
        String id = transcribedCall(WITH_INTERMEDIATE);
        done(transcriptions.start(request(id, null, "start")));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "TranscriptionStarted");
        say(id, "this is a long sentence that takes a few seconds to say");

        done(transcriptions.stop(request(id, null, "stop")));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "TranscriptionStarted", "TranscriptionStopped");
        CallEvent.TranscriptionStopped stopped = world.events.single(id, CallEvent.TranscriptionStopped.class);
        assertThat(stopped.header().operationContext()).isEqualTo("stop");
        assertThat(stopped.transcriptionUpdate().transcriptionStatusDetails()).isEqualTo("subscriptionStopped");
        assertThat(sockets.closed).hasValue(1);
        int sent = sockets.frames.size();
        await().pollDelay(Duration.ofMillis(600)).atMost(CallWorld.WAIT).until(() -> true);
        assertThat(sockets.frames).hasSize(sent);
        assertThat(sockets.of(TranscriptFrame.Data.class))
                .noneMatch(data -> data.resultStatus() == TranscriptFrame.ResultStatus.FINAL);
    }

    @Test
    void startWhileRunningAndUpdateOrStopWhileNotRunningAreRefused() {
        String id = transcribedCall(WITH_INTERMEDIATE);
        assertThat(refusal(transcriptions.stop(request(id, null, null))))
                .isEqualTo(CallError.TRANSCRIPTION_NOT_RUNNING);
        assertThat(refusal(transcriptions.update(request(id, "de-DE", null))))
                .isEqualTo(CallError.TRANSCRIPTION_NOT_RUNNING);
        done(transcriptions.start(request(id, null, null)));
        assertThat(refusal(transcriptions.start(request(id, null, null))))
                .isEqualTo(CallError.TRANSCRIPTION_ALREADY_RUNNING);
        done(transcriptions.stop(request(id, null, null)));
        assertThat(refusal(transcriptions.stop(request(id, null, null))))
                .isEqualTo(CallError.TRANSCRIPTION_NOT_RUNNING);
        done(transcriptions.start(request(id, null, null)));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "TranscriptionStarted", "TranscriptionStopped",
                "TranscriptionStarted");
    }

    @Test
    void aStartOnACallWithoutAnAiLinkIsRefusedAndOpensNoSocket() {
        String id = world.createCall(ALICE).callConnectionId();
        done(transcriptions.configure(id, WITH_INTERMEDIATE));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated");

        assertThat(refusal(transcriptions.start(request(id, null, "start"))))
                .isEqualTo(CallError.AI_SERVICES_NOT_LINKED);

        assertThat(world.events.typesOf(id)).containsExactly("CallConnected", "ParticipantsUpdated");
        assertThat(sockets.opened).isEmpty();
    }

    @Test
    void aTransportNobodyListensOnGetsTranscriptionFailed8578() {
        sockets.refuseConnections();
        String id = transcribedCall(WITH_INTERMEDIATE);

        done(transcriptions.start(request(id, null, null)));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "TranscriptionFailed");
        assertThat(world.events.single(id, CallEvent.TranscriptionFailed.class).header().result())
                .isEqualTo(TranscriptionResults.SOCKET_NOT_CONNECTED);
    }

    @Test
    void aSocketTheApplicationDropsEndsTheTranscriptionWithTranscriptionFailed() {
        String id = transcribedCall(WITH_INTERMEDIATE);
        done(transcriptions.start(request(id, null, null)));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "TranscriptionStarted");

        sockets.dropOpenSocket();

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "TranscriptionStarted", "TranscriptionFailed");
        assertThat(world.events.single(id, CallEvent.TranscriptionFailed.class).transcriptionUpdate()
                .transcriptionStatusDetails()).isEqualTo("streamConnectionInterrupted");
    }

    @Test
    void startTranscriptionInTheOptionsStartsItRightAfterCallConnected() {
        String id = world.createCall(AI, ALICE).callConnectionId();
        done(transcriptions.configure(id, new TranscriptionSettings("wss://app.example/t", "en-US", true, false,
                "a259c255-1cdw-4ed7-a693-dd58563b6f6a")));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "TranscriptionStarted");
        assertThat(sockets.of(TranscriptFrame.Metadata.class)).singleElement().satisfies(metadata ->
                assertThat(metadata.speechModelEndpointId()).isEqualTo("a259c255-1cdw-4ed7-a693-dd58563b6f6a"));
    }

    @Test
    void theEndOfTheCallClosesTheSocketWithoutAnEvent() {
        String id = transcribedCall(WITH_INTERMEDIATE);
        done(transcriptions.start(request(id, null, null)));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "TranscriptionStarted");

        done(world.calls.hangUp(id));

        await().atMost(CallWorld.WAIT).untilAsserted(() -> assertThat(sockets.closed).hasValue(1));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "TranscriptionStarted", "CallDisconnected");
    }

    @Test
    void summarizeCallQuotesWhatWasSaidAndFailsWhenNothingWas() {
        String id = transcribedCall(new TranscriptionSettings("wss://app.example/t", "en-US", false, false, null));
        done(transcriptions.summarize(request(id, null, "early")));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "TranscriptionCallSummaryUpdated");
        assertThat(world.events.single(id, CallEvent.TranscriptionCallSummaryUpdated.class).transcriptionUpdate()
                .transcriptionStatusDetails()).isEqualTo("callSummaryFailure");

        done(transcriptions.start(request(id, null, null)));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "TranscriptionCallSummaryUpdated",
                "TranscriptionStarted");
        say(id, "my card was charged twice");
        await().atMost(CallWorld.WAIT).until(() -> sockets.of(TranscriptFrame.Data.class).size() == 1);
        done(transcriptions.summarize(request(id, null, "late")));

        await().atMost(CallWorld.WAIT).until(() ->
                world.events.of(id, CallEvent.TranscriptionCallSummaryUpdated.class).size() == 2);
        CallEvent.TranscriptionCallSummaryUpdated summary =
                world.events.of(id, CallEvent.TranscriptionCallSummaryUpdated.class).get(1);
        assertThat(summary.header().operationContext()).isEqualTo("late");
        assertThat(summary.transcriptionUpdate().transcriptionStatus()).isEqualTo("callSummaryUpdated");
        assertThat(summary.transcriptionUpdate().transcriptionStatusDetails()).isEqualTo("callSummarySuccess");
        assertThat(summary.transcriptionUpdate().transcriptionMessage())
                .isEqualTo("1 phrase by " + ALICE.rawId() + ". Said: \"My card was charged twice.\"");
    }

    private String transcribedCall(TranscriptionSettings settings) {
        String id = world.createCall(AI, ALICE).callConnectionId();
        done(transcriptions.configure(id, settings));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated");
        return id;
    }

    private void say(String id, String phrase) {
        String serverCallId = world.registry.connection(id).orElseThrow().call().serverCallId();
        done(people.input(serverCallId, ALICE, new PersonInput.Speech(phrase)));
    }

    private TranscriptFrame.Data last() {
        List<TranscriptFrame.Data> results = sockets.of(TranscriptFrame.Data.class);
        return results.get(results.size() - 1);
    }

    private static TranscriptionRequest request(String id, String locale, String context) {
        return new TranscriptionRequest(id, locale, null, context, null);
    }

    private static TranscriptFrame.ResultStatus[] intermediate(int count, TranscriptFrame.ResultStatus then) {
        TranscriptFrame.ResultStatus[] statuses = new TranscriptFrame.ResultStatus[count + 1];
        java.util.Arrays.fill(statuses, TranscriptFrame.ResultStatus.INTERMEDIATE);
        statuses[count] = then;
        return statuses;
    }
}
