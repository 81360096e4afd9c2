package dev.acsemulator.call;

import static dev.acsemulator.call.CallWorld.ALICE;
import static dev.acsemulator.call.CallWorld.done;
import static dev.acsemulator.call.CallWorld.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.ParticipantView;
import dev.acsemulator.call.media.HeardPrompt;
import dev.acsemulator.call.media.MediaResults;
import dev.acsemulator.call.media.MediaService;
import dev.acsemulator.call.media.PlayRequest;
import dev.acsemulator.call.media.PlaySource;
import dev.acsemulator.call.media.Wavs;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Play on a call of the domain, with files served by a real HTTP server and the system clock. */
class PlayTest {

    private static final String COGNITIVE = "https://contoso-ai.cognitiveservices.azure.com/";
    private final CallWorld world = new CallWorld();
    private final AudioFiles files = new AudioFiles()
            .serve("/menu.wav", Wavs.playable(300))
            .serve("/short.wav", Wavs.playable(100))
            .serve("/stereo.wav", Wavs.pcm(2, 16_000, 16, 300))
            .serve("/song.mp3", "ID3\u0004 not a wave".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
            .start();
    private final MediaService media = files.mediaOf(world);

    @AfterEach
    void close() {
        files.close();
        world.close();
    }

    @Test
    void aFilePlayedToEveryoneIsHeardForItsLengthThenCompletes() {
        String id = world.connectedCallTo(ALICE);

        done(media.play(play(id, "menu", file("/menu.wav"))));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "PlayStarted", "PlayCompleted");
        CallEvent.PlayCompleted completed = world.events.single(id, CallEvent.PlayCompleted.class);
        assertThat(completed.header().operationContext()).isEqualTo("menu");
        assertThat(completed.header().result()).isEqualTo(MediaResults.COMPLETED);
        HeardPrompt heard = heard(id).get(0);
        assertThat(heard.listener()).isEqualTo(ALICE);
        assertThat(heard.ending()).isEqualTo(HeardPrompt.Ending.COMPLETED);
        assertThat(heard.content()).endsWith("/menu.wav");
        assertThat(Duration.between(heard.start(), heard.end())).isBetween(Duration.ofMillis(290),
                Duration.ofMillis(2000));
    }

    @Test
    void aFirstSourceThatIsNotWavFailsWith8535AndNoPlayStarted() {
        String id = world.connectedCallTo(ALICE);

        done(media.play(play(id, "bad", file("/song.mp3"))));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "PlayFailed");
        CallEvent.PlayFailed failed = world.events.single(id, CallEvent.PlayFailed.class);
        assertThat(failed.header().result()).isEqualTo(MediaResults.FILE_FORMAT_INVALID);
        assertThat(failed.failedPlaySourceIndex()).isZero();
    }

    @Test
    void aStereoFileFailsWith8535() {
        String id = world.connectedCallTo(ALICE);

        done(media.play(play(id, "stereo", file("/stereo.wav"))));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "PlayFailed");
        assertThat(world.events.single(id, CallEvent.PlayFailed.class).header().result().subCode()).isEqualTo(8535);
    }

    @Test
    void aSecondSourceThatCannotBeDownloadedFailsWith8536AndItsIndexAfterTheFirstWasHeard() {
        String id = world.connectedCallTo(ALICE);

        done(media.play(play(id, "two", file("/short.wav"), file("/missing.wav"))));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "PlayStarted", "PlayFailed");
        CallEvent.PlayFailed failed = world.events.single(id, CallEvent.PlayFailed.class);
        assertThat(failed.header().result()).isEqualTo(MediaResults.FILE_NOT_DOWNLOADED);
        assertThat(failed.failedPlaySourceIndex()).isEqualTo(1);
        assertThat(heard(id)).extracting(HeardPrompt::ending).containsExactly(HeardPrompt.Ending.COMPLETED);
    }

    @Test
    void atTheNewestVersionAPlayOfTwoFilesSendsAPlayStartedAsEachBegins() {
        String id = world.connectedCallTo(ALICE);

        done(media.play(play(id, "two", file("/short.wav"), file("/menu.wav"))));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "PlayStarted", "PlayStarted", "PlayCompleted");
        assertThat(heard(id)).extracting(HeardPrompt::ending)
                .containsExactly(HeardPrompt.Ending.COMPLETED, HeardPrompt.Ending.COMPLETED);
    }

    @Test
    void aLoopingPlaySendsItsPerSourcePlayStartedOnItsFirstPassOnly() {
        String id = world.connectedCallTo(ALICE);

        done(media.play(loop(id, "music", file("/short.wav"), file("/short.wav"))));

        await().atMost(CallWorld.WAIT).until(() -> heard(id).size() >= 4);
        assertThat(world.events.typesOf(id)).containsExactly("CallConnected", "ParticipantsUpdated", "PlayStarted",
                "PlayStarted");
    }

    @Test
    void invalidSsmlFailsAsABadRequestToAzureAiServices() {
        String id = world.createCall(COGNITIVE, ALICE).callConnectionId();
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated");

        done(media.play(play(id, "ssml", new PlaySource.Ssml("<speak>Hello", null))));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "PlayFailed");
        assertThat(world.events.single(id, CallEvent.PlayFailed.class).header().result())
                .isEqualTo(MediaResults.SPEECH_BAD_REQUEST);
    }

    @Test
    void aSecondPlayWaitsForTheFirstToComplete() {
        String id = world.connectedCallTo(ALICE);

        done(media.play(play(id, "first", file("/short.wav"))));
        done(media.play(play(id, "second", file("/short.wav"))));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "PlayStarted", "PlayCompleted", "PlayStarted",
                "PlayCompleted");
        assertThat(world.eventsOf(id).subList(2, 6)).extracting(event -> event.header().operationContext())
                .containsExactly("first", "first", "second", "second");
        List<HeardPrompt> heard = heard(id);
        assertThat(heard.get(1).start()).isAfterOrEqualTo(heard.get(0).end());
    }

    @Test
    void anInterruptingPlayCancelsThePlayingOneAndStartsAtOnce() {
        String id = world.connectedCallTo(ALICE);
        done(media.play(loop(id, "music", file("/short.wav"))));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "PlayStarted");

        done(media.play(new PlayRequest(id, List.of(file("/short.wav")), List.of(), false, true, "urgent", null)));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "PlayStarted", "PlayCanceled", "PlayStarted",
                "PlayCompleted");
        CallEvent.PlayCanceled canceled = world.events.single(id, CallEvent.PlayCanceled.class);
        assertThat(canceled.header().operationContext()).isEqualTo("music");
        assertThat(canceled.header().result()).isEqualTo(MediaResults.CANCELED);
        assertThat(heard(id).get(heard(id).size() - 2).ending()).isEqualTo(HeardPrompt.Ending.CUT_OFF);
    }

    @Test
    void cancelAllCancelsThePlayingAndTheQueuedPlays() {
        String id = world.connectedCallTo(ALICE);
        done(media.play(loop(id, "music", file("/short.wav"))));
        done(media.play(play(id, "queued", file("/short.wav"))));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "PlayStarted");

        assertThat(done(media.cancelAll(id))).isEqualTo(2);

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "PlayStarted", "PlayCanceled", "PlayCanceled");
        assertThat(world.events.of(id, CallEvent.PlayCanceled.class))
                .extracting(event -> event.header().operationContext()).containsExactly("music", "queued");
        assertThat(done(media.cancelAll(id))).isZero();
    }

    @Test
    void aPlayToOneParticipantHoldsThemWhileItPlays() {
        String id = world.connectedCallTo(ALICE);

        done(media.play(new PlayRequest(id, List.of(file("/short.wav")), List.of(ALICE), false, false, "to-alice",
                null)));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "PlayStarted",
                "PlayCompleted", "ParticipantsUpdated");
        List<CallEvent.ParticipantsUpdated> rosters = world.events.of(id, CallEvent.ParticipantsUpdated.class);
        assertThat(onHold(rosters.get(1))).isTrue();
        assertThat(onHold(rosters.get(2))).isFalse();
        assertThat(rosters.get(2).sequenceNumber()).isGreaterThan(rosters.get(1).sequenceNumber());
    }

    @Test
    void aPlayToSomeoneNotInTheCallOrBesideAnotherTargetedPlayIsRefused() {
        String id = world.connectedCallTo(ALICE);

        assertThat(refusal(media.play(new PlayRequest(id, List.of(file("/short.wav")), List.of(CallWorld.CAROL),
                false, false, null, null)))).isEqualTo(CallError.PARTICIPANT_NOT_FOUND);
        done(media.play(new PlayRequest(id, List.of(file("/menu.wav")), List.of(ALICE), true, false, null, null)));
        assertThat(refusal(media.play(new PlayRequest(id, List.of(file("/short.wav")), List.of(ALICE), false, false,
                null, null)))).isEqualTo(CallError.MEDIA_PRECONDITION_FAILED);
    }

    @Test
    void aFileWithACacheIdIsDownloadedOnce() {
        String id = world.connectedCallTo(ALICE);
        PlaySource cached = new PlaySource.File(uri("/short.wav"), "greeting");

        done(media.play(play(id, "one", cached)));
        done(media.play(play(id, "two", cached)));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "PlayStarted", "PlayCompleted", "PlayStarted",
                "PlayCompleted");
        assertThat(files.downloads("/short.wav")).isEqualTo(1);
    }

    @Test
    void hangingUpStopsThePlayWithoutAnotherEvent() {
        String id = world.connectedCallTo(ALICE);
        done(media.play(loop(id, "music", file("/menu.wav"))));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "PlayStarted");
        List<HeardPrompt> before = heard(id);

        done(world.calls.hangUp(id));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "PlayStarted", "CallDisconnected");
        world.settle(id);
        assertThat(world.events.typesOf(id)).doesNotContain("PlayCompleted", "PlayCanceled");
        assertThat(heard(id).get(before.size() - 1).ending()).isEqualTo(HeardPrompt.Ending.CUT_OFF);
    }

    @Test
    void aPlayOnAConnectionThatIsNotEstablishedIsRefused() {
        assertThat(refusal(media.play(play("no-such-connection", null, file("/short.wav")))))
                .isEqualTo(CallError.CALL_CONNECTION_NOT_FOUND);
        String id = world.connectedCallTo(ALICE);
        done(world.calls.hangUp(id));

        assertThat(refusal(media.play(play(id, null, file("/short.wav"))))).isEqualTo(CallError.CALL_TERMINATED);
    }

    private List<HeardPrompt> heard(String callConnectionId) {
        return AudioFiles.heard(world, callConnectionId);
    }

    private static boolean onHold(CallEvent.ParticipantsUpdated roster) {
        return roster.participants().stream().filter(view -> view.identifier().equals(ALICE))
                .map(ParticipantView::onHold).findFirst().orElseThrow();
    }

    private static PlayRequest play(String id, String context, PlaySource... sources) {
        return new PlayRequest(id, List.of(sources), List.of(), false, false, context, null);
    }

    private static PlayRequest loop(String id, String context, PlaySource... sources) {
        return new PlayRequest(id, List.of(sources), List.of(), true, false, context, null);
    }

    private PlaySource file(String path) {
        return files.file(path);
    }

    private URI uri(String path) {
        return files.uri(path);
    }
}
