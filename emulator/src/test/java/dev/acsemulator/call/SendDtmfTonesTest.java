package dev.acsemulator.call;

import static dev.acsemulator.call.CallWorld.ALICE;
import static dev.acsemulator.call.CallWorld.BOB;
import static dev.acsemulator.call.CallWorld.PHONE;
import static dev.acsemulator.call.CallWorld.done;
import static dev.acsemulator.call.CallWorld.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.media.AudioCache;
import dev.acsemulator.call.media.ContinuousDtmfRequest;
import dev.acsemulator.call.media.DtmfResults;
import dev.acsemulator.call.media.DtmfTone;
import dev.acsemulator.call.media.HeardPrompt;
import dev.acsemulator.call.media.HttpAudioFetcher;
import dev.acsemulator.call.media.MediaService;
import dev.acsemulator.call.media.PlayRequest;
import dev.acsemulator.call.media.PlaySource;
import dev.acsemulator.call.media.SendDtmfTonesOperation;
import dev.acsemulator.call.media.SendDtmfTonesRequest;
import dev.acsemulator.call.media.SourcePreparer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SendDtmfTones on a call of the domain (call-automation-behaviour.md §2.16, §2.21), on the system clock. */
class SendDtmfTonesTest {

    private final CallWorld world = new CallWorld();
    private final PersonActions people = new PersonActions(world.registry);
    private final HttpAudioFetcher fetcher = new HttpAudioFetcher(Duration.ofSeconds(2), 1 << 20);
    private final MediaService media = new MediaService(world.calls,
            new SourcePreparer(fetcher, new AudioCache(4)), Clock.systemUTC());
    private String id;

    @BeforeEach
    void callAPhone() {
        world.people.respond(PHONE, ScriptedPeople.Response.ANSWER);
        id = world.createCall(PHONE).callConnectionId();
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated");
    }

    @AfterEach
    void close() {
        fetcher.close();
        world.close();
    }

    @Test
    void thePhoneHearsTheTonesForTheirDurationThenSendDtmfTonesCompletedCarriesAnEmptyMessage() {
        done(media.sendDtmfTones(send("dial", DtmfTone.ONE, DtmfTone.TWO, DtmfTone.POUND)));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "SendDtmfTonesCompleted");
        CallEvent.SendDtmfTonesCompleted completed = world.events.single(id, CallEvent.SendDtmfTonesCompleted.class);
        assertThat(completed.header().operationContext()).isEqualTo("dial");
        assertThat(completed.header().result()).isEqualTo(DtmfResults.TONES_SENT);
        assertThat(completed.header().result().message()).isEmpty();
        HeardPrompt heard = heard().get(0);
        assertThat(heard.listener()).isEqualTo(PHONE);
        assertThat(heard.kind()).isEqualTo(HeardPrompt.DTMF);
        assertThat(heard.content()).isEqualTo("one,two,pound");
        assertThat(heard.ending()).isEqualTo(HeardPrompt.Ending.COMPLETED);
        assertThat(SendDtmfTonesOperation.durationOf(3)).isEqualTo(Duration.ofMillis(1250));
        assertThat(Duration.between(heard.start(), heard.end())).isBetween(Duration.ofMillis(1240),
                Duration.ofMillis(3000));
    }

    @Test
    void anAcsUserOrSomeoneNotInTheCallIsRefused() {
        done(world.participants.add(new Commands.AddParticipant(id, ALICE, null, null, null, "add", null,
                CustomHeaders.NONE)));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "AddParticipantSucceeded", "ParticipantsUpdated");

        assertThat(refusal(media.sendDtmfTones(send(null, ALICE, DtmfTone.ONE)))).isEqualTo(CallError.NOT_SUPPORTED);
        assertThat(refusal(media.sendDtmfTones(send(null, BOB, DtmfTone.ONE))))
                .isEqualTo(CallError.PARTICIPANT_NOT_FOUND);
        assertThat(refusal(media.sendDtmfTones(send(null, Identifier.phoneNumber("+14255550999"), DtmfTone.ONE))))
                .isEqualTo(CallError.PARTICIPANT_NOT_FOUND);
    }

    @Test
    void aSendRunsOnASubLegSoASecondSendOrAPlayToThePhoneIsAPreconditionFailureUntilItEnds() {
        done(media.sendDtmfTones(send("first", DtmfTone.ONE)));

        assertThat(refusal(media.sendDtmfTones(send("second", DtmfTone.TWO))))
                .isEqualTo(CallError.MEDIA_PRECONDITION_FAILED);
        assertThat(refusal(media.play(new PlayRequest(id, List.of(new PlaySource.File(
                URI.create("http://127.0.0.1:9/menu.wav"), null)), List.of(PHONE), false, false, "to-phone", null))))
                .isEqualTo(CallError.MEDIA_PRECONDITION_FAILED);

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "SendDtmfTonesCompleted");
        done(media.sendDtmfTones(send("third", DtmfTone.THREE)));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "SendDtmfTonesCompleted",
                "SendDtmfTonesCompleted");
    }

    @Test
    void aRunningContinuousRecognitionAllowsASendAndDoesNotHearTheTonesSentToItsTarget() {
        done(media.startContinuousDtmf(new ContinuousDtmfRequest(id, PHONE, "keys", null)));

        done(media.sendDtmfTones(send("dial", DtmfTone.A, DtmfTone.B)));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "SendDtmfTonesCompleted");
    }

    @Test
    void theTargetLeavingAGroupCallBeforeTheLastToneFailsTheSend() {
        done(world.participants.add(new Commands.AddParticipant(id, ALICE, null, null, null, "add", null,
                CustomHeaders.NONE)));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "AddParticipantSucceeded", "ParticipantsUpdated");
        done(media.sendDtmfTones(send("dial", DtmfTone.ONE, DtmfTone.TWO, DtmfTone.THREE, DtmfTone.FOUR)));

        done(people.hangUp(serverCallId(), PHONE));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "AddParticipantSucceeded", "ParticipantsUpdated",
                "ParticipantsUpdated", "SendDtmfTonesFailed");
        CallEvent.SendDtmfTonesFailed failed = world.events.single(id, CallEvent.SendDtmfTonesFailed.class);
        assertThat(failed.header().result()).isEqualTo(DtmfResults.TARGET_LEFT);
        assertThat(failed.header().operationContext()).isEqualTo("dial");
        assertThat(heard().get(0).ending()).isEqualTo(HeardPrompt.Ending.CUT_OFF);
    }

    @Test
    void hangingUpStopsTheSendWithoutAnotherEvent() {
        done(media.sendDtmfTones(send("dial", DtmfTone.ONE, DtmfTone.TWO, DtmfTone.THREE)));

        done(world.calls.hangUp(id));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "CallDisconnected");
        world.settle(id);
        assertThat(world.events.typesOf(id)).doesNotContain("SendDtmfTonesCompleted", "SendDtmfTonesFailed");
        assertThat(heard().get(0).ending()).isEqualTo(HeardPrompt.Ending.CUT_OFF);
    }

    private SendDtmfTonesRequest send(String context, DtmfTone... tones) {
        return send(context, PHONE, tones);
    }

    private SendDtmfTonesRequest send(String context, Identifier target, DtmfTone... tones) {
        return new SendDtmfTonesRequest(id, List.of(tones), target, context, null);
    }

    private List<HeardPrompt> heard() {
        Call call = world.registry.connection(id).orElseThrow().call();
        return done(CallContext.onLane(call, () -> call.media().heard()));
    }

    private String serverCallId() {
        return world.registry.connection(id).orElseThrow().call().serverCallId();
    }
}
