package dev.acsemulator.call;

import static dev.acsemulator.call.CallWorld.ALICE;
import static dev.acsemulator.call.CallWorld.PHONE;
import static dev.acsemulator.call.CallWorld.done;
import static org.assertj.core.api.Assertions.assertThat;

import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.ParticipantView;
import dev.acsemulator.call.media.AudioCache;
import dev.acsemulator.call.media.DtmfTone;
import dev.acsemulator.call.media.HoldAudioState;
import dev.acsemulator.call.media.HoldRequest;
import dev.acsemulator.call.media.HttpAudioFetcher;
import dev.acsemulator.call.media.MediaService;
import dev.acsemulator.call.media.PlayRequest;
import dev.acsemulator.call.media.PlaySource;
import dev.acsemulator.call.media.PromptedPeople;
import dev.acsemulator.call.media.RecognizeInputType;
import dev.acsemulator.call.media.RecognizeRequest;
import dev.acsemulator.call.media.SendDtmfTonesRequest;
import dev.acsemulator.call.media.SourcePreparer;
import dev.acsemulator.call.media.Wavs;
import dev.acsemulator.faults.Fault;
import dev.acsemulator.faults.FaultMatch;
import dev.acsemulator.faults.FaultRule;
import dev.acsemulator.faults.FaultRules;
import dev.acsemulator.faults.MediaOutcomeFaults;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code failOutcome} fault rules on media operations: the operation is accepted, then ends with its failure event
 * carrying the rule's result (or the operation's usual media code), instead of running.
 */
class MediaFaultsTest {

    private final CallWorld world = new CallWorld();
    private final FaultRules rules = new FaultRules(new Random(1), Clock.systemUTC());
    private final HttpAudioFetcher fetcher = new HttpAudioFetcher(Duration.ofSeconds(2), 1 << 20);
    private final AudioFiles files = new AudioFiles().serve("/menu.wav", Wavs.playable(200)).start();
    private final MediaService media = new MediaService(world.calls, new SourcePreparer(fetcher, new AudioCache(4)),
            Clock.systemUTC(), PromptedPeople.SILENT, new MediaOutcomeFaults(rules));

    @AfterEach
    void close() {
        files.close();
        fetcher.close();
        world.close();
    }

    @Test
    void aPlayStruckByARuleWithoutACodeFailsWith8535AndNoPlayStartedThenTheNextPlayRuns() {
        String id = world.connectedCallTo(ALICE);
        rules.add(rule("CallMedia_Play", null, new Fault.FailOutcome(null, null, null), 1));

        done(media.play(play(id, "struck")));
        done(media.play(play(id, "next")));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "PlayFailed", "PlayStarted", "PlayCompleted");
        CallEvent.PlayFailed failed = world.events.single(id, CallEvent.PlayFailed.class);
        assertThat(failed.header().operationContext()).isEqualTo("struck");
        assertThat(failed.header().result()).isEqualTo(new ResultInformation(400, 8535,
                "Action failed, file format is invalid."));
        assertThat(failed.failedPlaySourceIndex()).isZero();
        assertThat(world.events.single(id, CallEvent.PlayCompleted.class).header().operationContext())
                .isEqualTo("next");
        assertThat(rules.journal()).singleElement().satisfies(applied -> {
            assertThat(applied.context().operation()).isEqualTo("CallMedia_Play");
            assertThat(applied.context().callConnectionId()).isEqualTo(id);
        });
    }

    @Test
    void aRecognizeFailsWithTheRulesCodeBeforeThePersonHearsAPrompt() {
        String id = world.connectedCallTo(ALICE);
        rules.add(rule("CallMedia_Recognize", ALICE, new Fault.FailOutcome(400, 8510, "No input."), null));

        done(media.recognize(new RecognizeRequest(id, RecognizeInputType.DTMF, List.of(files.file("/menu.wav")),
                ALICE, false, Duration.ofSeconds(5), Duration.ofSeconds(2), 1, Set.of(), Duration.ZERO, List.of(),
                null, false, "menu", null)));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "RecognizeFailed");
        CallEvent.RecognizeFailed failed = world.events.single(id, CallEvent.RecognizeFailed.class);
        assertThat(failed.header().result()).isEqualTo(new ResultInformation(400, 8510, "No input."));
        assertThat(failed.header().operationContext()).isEqualTo("menu");
        assertThat(AudioFiles.heard(world, id)).isEmpty();
        assertThat(files.downloads("/menu.wav")).isZero();
    }

    @Test
    void aSendDtmfTonesFailsAtOnceWithTheUsual8558AndTheRulesMessageAndNoToneIsHeard() {
        world.people.respond(PHONE, ScriptedPeople.Response.ANSWER);
        String id = world.createCall(PHONE).callConnectionId();
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated");
        rules.add(rule("CallMedia_SendDtmfTones", PHONE, new Fault.FailOutcome(null, null, "Injected."), 1));

        done(media.sendDtmfTones(new SendDtmfTonesRequest(id, List.of(DtmfTone.ONE), PHONE, "dial", null)));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "SendDtmfTonesFailed");
        assertThat(world.events.single(id, CallEvent.SendDtmfTonesFailed.class).header().result())
                .isEqualTo(new ResultInformation(400, 8558, "Injected."));
        assertThat(AudioFiles.heard(world, id)).isEmpty();
        done(media.sendDtmfTones(new SendDtmfTonesRequest(id, List.of(DtmfTone.TWO), PHONE, "again", null)));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "SendDtmfTonesFailed", "SendDtmfTonesCompleted");
    }

    @Test
    void aHoldStruckByARuleLeavesTheParticipantOnHoldInSilenceWithHoldFailed() {
        String id = world.connectedCallTo(ALICE);
        rules.add(rule("CallMedia_Hold", null, new Fault.FailOutcome(500, 9999, "Hold broke."), 1));

        done(media.hold(new HoldRequest(id, ALICE, files.file("/menu.wav"), "hold-alice", null)));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "HoldFailed");
        assertThat(world.events.single(id, CallEvent.HoldFailed.class).header().result())
                .isEqualTo(new ResultInformation(500, 9999, "Hold broke."));
        List<CallEvent.ParticipantsUpdated> rosters = world.events.of(id, CallEvent.ParticipantsUpdated.class);
        assertThat(rosters.get(1).participants()).filteredOn(p -> p.identifier().equals(ALICE))
                .singleElement().extracting(ParticipantView::onHold).isEqualTo(true);
        Call call = world.registry.connection(id).orElseThrow().call();
        assertThat(done(CallContext.onLane(call, () -> call.media().holds().audioOf(ALICE))))
                .isEqualTo(HoldAudioState.FAILED);
        assertThat(files.downloads("/menu.wav")).isZero();
    }

    @Test
    void aRuleForAnotherTargetOrAnotherOperationLeavesThePlayAlone() {
        String id = world.connectedCallTo(ALICE);
        rules.add(rule("CallMedia_Recognize", null, new Fault.FailOutcome(null, null, null), null));
        rules.add(rule("CallMedia_Play", PHONE, new Fault.FailOutcome(null, null, null), null));

        done(media.play(play(id, "menu")));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "PlayStarted", "PlayCompleted");
        assertThat(rules.journal()).isEmpty();
    }

    private PlayRequest play(String id, String context) {
        return new PlayRequest(id, List.of(files.file("/menu.wav")), List.of(), false, false, context, null);
    }

    private static FaultRule rule(String operation, Identifier target, Fault fault, Integer count) {
        return new FaultRule(operation + (target == null ? "" : target.rawId()),
                new FaultMatch(operation, null, null, null, target == null ? null : target.rawId()), fault, count, 1);
    }

}
