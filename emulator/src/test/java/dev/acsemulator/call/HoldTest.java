package dev.acsemulator.call;

import static dev.acsemulator.call.CallWorld.ALICE;
import static dev.acsemulator.call.CallWorld.APP;
import static dev.acsemulator.call.CallWorld.BOB;
import static dev.acsemulator.call.CallWorld.CAROL;
import static dev.acsemulator.call.CallWorld.done;
import static dev.acsemulator.call.CallWorld.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.ParticipantView;
import dev.acsemulator.call.media.HeardPrompt;
import dev.acsemulator.call.media.HeldParticipant;
import dev.acsemulator.call.media.HoldAudioState;
import dev.acsemulator.call.media.HoldRequest;
import dev.acsemulator.call.media.MediaResults;
import dev.acsemulator.call.media.MediaService;
import dev.acsemulator.call.media.PlayRequest;
import dev.acsemulator.call.media.PlaySource;
import dev.acsemulator.call.media.UnholdRequest;
import dev.acsemulator.call.media.Wavs;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hold and Unhold on a call of the domain, with hold audio served by a real HTTP server and the system clock. */
class HoldTest {

    private final CallWorld world = new CallWorld();
    private final PersonActions people = new PersonActions(world.registry);
    private final AudioFiles files = new AudioFiles()
            .serve("/music.wav", Wavs.playable(300))
            .serve("/short.wav", Wavs.playable(100))
            .serve("/song.mp3", "ID3\u0004 not a wave".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
            .start();
    private final MediaService media = files.mediaOf(world);

    @AfterEach
    void close() {
        files.close();
        world.close();
    }

    @Test
    void holdShowsTheTargetOnHoldWithNoOtherEventAndUnholdTakesThemOff() {
        String id = world.connectedCallTo(ALICE);

        done(media.hold(hold(id, ALICE, null)));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated");
        done(media.unhold(unhold(id, ALICE)));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "ParticipantsUpdated");
        List<CallEvent.ParticipantsUpdated> rosters = world.events.of(id, CallEvent.ParticipantsUpdated.class);
        assertThat(onHold(rosters.get(1), ALICE)).isTrue();
        assertThat(onHold(rosters.get(2), ALICE)).isFalse();
        assertThat(rosters.get(2).sequenceNumber()).isGreaterThan(rosters.get(1).sequenceNumber());
    }

    @Test
    void holdAudioLoopsPastItsLengthUntilUnholdEndsItWith8508() {
        String id = world.connectedCallTo(ALICE);

        done(media.hold(hold(id, ALICE, file("/short.wav"))));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "HoldAudioStarted");
        assertThat(world.events.single(id, CallEvent.HoldAudioStarted.class).header().operationContext())
                .isEqualTo("hold-alice");
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> heard(id).get(0).ending() == HeardPrompt.Ending.PLAYING);
        done(media.unhold(unhold(id, ALICE)));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "HoldAudioStarted",
                "HoldAudioCompleted", "ParticipantsUpdated");
        assertThat(world.events.single(id, CallEvent.HoldAudioCompleted.class).header().result())
                .isEqualTo(MediaResults.HOLD_AUDIO_ENDED_BY_UNHOLD);
        HeardPrompt music = heard(id).get(0);
        assertThat(music.listener()).isEqualTo(ALICE);
        assertThat(music.content()).endsWith("/short.wav");
        assertThat(music.ending()).isEqualTo(HeardPrompt.Ending.CUT_OFF);
        assertThat(Duration.between(music.start(), music.end())).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void holdAudioThatCannotBePlayedFailsTheHoldButLeavesTheParticipantOnHold() {
        String id = world.connectedCallTo(ALICE);

        done(media.hold(hold(id, ALICE, file("/song.mp3"))));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "HoldFailed");
        assertThat(world.events.single(id, CallEvent.HoldFailed.class).header().result())
                .isEqualTo(MediaResults.FILE_FORMAT_INVALID);
        assertThat(audioOf(id, ALICE)).isEqualTo(HoldAudioState.FAILED);
        done(media.unhold(unhold(id, ALICE)));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "HoldFailed",
                "ParticipantsUpdated");
    }

    @Test
    void aPlayThatInterruptsHoldAudioPausesItAndResumesItBeforePlayCompleted() {
        String id = world.connectedCallTo(ALICE);
        done(media.hold(hold(id, ALICE, file("/music.wav"))));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "HoldAudioStarted");

        done(media.play(new PlayRequest(id, List.of(file("/short.wav")), List.of(ALICE), false, false, "announce",
                null, true)));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "HoldAudioStarted",
                "HoldAudioPaused", "PlayStarted", "HoldAudioResumed", "PlayCompleted");
        assertThat(audioOf(id, ALICE)).isEqualTo(HoldAudioState.PLAYING);
        assertThat(heard(id)).extracting(HeardPrompt::content, HeardPrompt::ending).containsExactly(
                org.assertj.core.groups.Tuple.tuple(uri("/music.wav").toString(), HeardPrompt.Ending.CUT_OFF),
                org.assertj.core.groups.Tuple.tuple(uri("/short.wav").toString(), HeardPrompt.Ending.COMPLETED),
                org.assertj.core.groups.Tuple.tuple(uri("/music.wav").toString(), HeardPrompt.Ending.PLAYING));
    }

    @Test
    void aHeldParticipantDoesNotHearAPlayToEveryone() {
        String id = world.createCall(ALICE, BOB).callConnectionId();
        await().atMost(CallWorld.WAIT).until(() -> rosterSize(id) == 3);
        done(media.hold(hold(id, ALICE, null)));

        done(media.play(new PlayRequest(id, List.of(file("/short.wav")), List.of(), false, false, "all", null)));

        await().atMost(CallWorld.WAIT).until(() -> world.events.typesOf(id).contains("PlayCompleted"));
        assertThat(heard(id)).extracting(HeardPrompt::listener).containsExactly(BOB);
    }

    @Test
    void unholdCancelsAPlayToTheHeldParticipantThenShowsThemOffHold() {
        String id = world.connectedCallTo(ALICE);
        done(media.hold(hold(id, ALICE, null)));
        done(media.play(new PlayRequest(id, List.of(file("/short.wav")), List.of(ALICE), true, false, "announce",
                null, true)));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "PlayStarted");

        done(media.unhold(unhold(id, ALICE)));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "PlayStarted",
                "PlayCanceled", "ParticipantsUpdated");
        assertThat(onHold(world.events.of(id, CallEvent.ParticipantsUpdated.class).get(2), ALICE)).isFalse();
    }

    @Test
    void holdRefusesSomeoneNotInTheCallAndTheAskingApplicationItself() {
        String id = world.connectedCallTo(ALICE);

        assertThat(refusal(media.hold(hold(id, CAROL, null)))).isEqualTo(CallError.PARTICIPANT_NOT_FOUND);
        assertThat(refusal(media.hold(hold(id, APP, null)))).isEqualTo(CallError.NOT_SUPPORTED);
        assertThat(refusal(media.unhold(unhold(id, CAROL)))).isEqualTo(CallError.PARTICIPANT_NOT_FOUND);
        world.settle(id);
        assertThat(world.events.typesOf(id)).containsExactly("CallConnected", "ParticipantsUpdated");
    }

    @Test
    void holdingTwiceOrUnholdingSomeoneNotOnHoldChangesNothing() {
        String id = world.connectedCallTo(ALICE);

        done(media.unhold(unhold(id, ALICE)));
        done(media.hold(hold(id, ALICE, null)));
        done(media.hold(hold(id, ALICE, null)));

        world.settle(id);
        assertThat(world.events.typesOf(id)).containsExactly("CallConnected", "ParticipantsUpdated",
                "ParticipantsUpdated");
    }

    @Test
    void aHeldParticipantWhoLeavesTakesTheHoldWithThemWithoutAnEvent() {
        String id = world.createCall(ALICE, BOB).callConnectionId();
        await().atMost(CallWorld.WAIT).until(() -> rosterSize(id) == 3);
        done(media.hold(hold(id, ALICE, file("/music.wav"))));
        await().atMost(CallWorld.WAIT).until(() -> world.events.typesOf(id).contains("HoldAudioStarted"));
        Call call = world.registry.connection(id).orElseThrow().call();

        done(people.hangUp(call.serverCallId(), ALICE));

        await().atMost(CallWorld.WAIT).until(() -> rosterSize(id) == 2);
        world.settle(id);
        assertThat(world.events.typesOf(id)).doesNotContain("HoldAudioCompleted", "HoldFailed");
        assertThat(audioOf(id, ALICE)).isNull();
        assertThat(heard(id).get(0).ending()).isEqualTo(HeardPrompt.Ending.CUT_OFF);
    }

    @Test
    void hangingUpEndsTheHoldAudioWithoutAnEvent() {
        String id = world.connectedCallTo(ALICE);
        done(media.hold(hold(id, ALICE, file("/music.wav"))));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "HoldAudioStarted");

        done(world.calls.hangUp(id));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "HoldAudioStarted",
                "CallDisconnected");
        world.settle(id);
        assertThat(heard(id).get(0).ending()).isEqualTo(HeardPrompt.Ending.CUT_OFF);
    }

    @Test
    void theCallViewShowsWhoIsHeldByWhichConnectionWithTheirHoldAudioStateUntilUnhold() {
        String id = world.createCall(ALICE, BOB).callConnectionId();
        await().atMost(CallWorld.WAIT).until(() -> rosterSize(id) == 3);
        String serverCallId = world.registry.connection(id).orElseThrow().call().serverCallId();
        CallInspector inspector = new CallInspector(world.registry);

        done(media.hold(hold(id, ALICE, file("/music.wav"))));
        done(media.hold(new HoldRequest(id, BOB, null, null, null)));
        await().atMost(CallWorld.WAIT).until(() -> world.events.typesOf(id).contains("HoldAudioStarted"));

        assertThat(done(inspector.view(serverCallId)).onHold()).containsExactly(
                new HeldParticipant(ALICE, id, "hold-alice", HoldAudioState.PLAYING),
                new HeldParticipant(BOB, id, null, HoldAudioState.SILENT));
        done(media.unhold(unhold(id, ALICE)));
        assertThat(done(inspector.view(serverCallId)).onHold()).containsExactly(
                new HeldParticipant(BOB, id, null, HoldAudioState.SILENT));
    }

    private HoldAudioState audioOf(String callConnectionId, Identifier participant) {
        Call call = world.registry.connection(callConnectionId).orElseThrow().call();
        return done(CallContext.onLane(call, () -> call.media().holds().audioOf(participant)));
    }

    private List<HeardPrompt> heard(String callConnectionId) {
        return AudioFiles.heard(world, callConnectionId);
    }

    private int rosterSize(String callConnectionId) {
        List<CallEvent.ParticipantsUpdated> rosters = world.events.of(callConnectionId,
                CallEvent.ParticipantsUpdated.class);
        return rosters.isEmpty() ? 0 : rosters.get(rosters.size() - 1).participants().size();
    }

    private static boolean onHold(CallEvent.ParticipantsUpdated roster, Identifier who) {
        return roster.participants().stream().filter(view -> view.identifier().equals(who))
                .map(ParticipantView::onHold).findFirst().orElseThrow();
    }

    private static HoldRequest hold(String id, Identifier target, PlaySource audio) {
        return new HoldRequest(id, target, audio, "hold-alice", null);
    }

    private static UnholdRequest unhold(String id, Identifier target) {
        return new UnholdRequest(id, target, "unhold-alice", null);
    }

    private PlaySource file(String path) {
        return files.file(path);
    }

    private URI uri(String path) {
        return files.uri(path);
    }
}
