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
import dev.acsemulator.call.media.HttpAudioFetcher;
import dev.acsemulator.call.media.MediaService;
import dev.acsemulator.call.media.PersonInput;
import dev.acsemulator.call.media.SendDtmfTonesRequest;
import dev.acsemulator.call.media.SourcePreparer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Continuous DTMF recognition on a call of the domain (call-automation-behaviour.md §2.15, §2.21). */
class ContinuousDtmfTest {

    private final CallWorld world = new CallWorld();
    private final PersonActions people = new PersonActions(world.registry);
    private final HttpAudioFetcher fetcher = new HttpAudioFetcher(Duration.ofSeconds(2), 1 << 20);
    private final MediaService media = new MediaService(world.calls,
            new SourcePreparer(fetcher, new AudioCache(4)), Clock.systemUTC());

    @AfterEach
    void close() {
        fetcher.close();
        world.close();
    }

    @Test
    void everyKeyTheTargetPressesIsAToneReceivedWithARisingSequenceIdAndTheStartsContext() {
        String id = world.connectedCallTo(ALICE);
        done(media.startContinuousDtmf(new ContinuousDtmfRequest(id, ALICE, "keys", null)));

        press(id, ALICE, DtmfTone.ONE, DtmfTone.TWO);
        press(id, ALICE, DtmfTone.POUND);

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ContinuousDtmfRecognitionToneReceived",
                "ContinuousDtmfRecognitionToneReceived", "ContinuousDtmfRecognitionToneReceived");
        List<CallEvent.ContinuousDtmfRecognitionToneReceived> tones =
                world.events.of(id, CallEvent.ContinuousDtmfRecognitionToneReceived.class);
        assertThat(tones).extracting(CallEvent.ContinuousDtmfRecognitionToneReceived::tone)
                .containsExactly("one", "two", "pound");
        assertThat(tones).extracting(CallEvent.ContinuousDtmfRecognitionToneReceived::sequenceId)
                .containsExactly(1, 2, 3);
        assertThat(tones).allSatisfy(tone -> {
            assertThat(tone.header().operationContext()).isEqualTo("keys");
            assertThat(tone.header().result()).isEqualTo(DtmfResults.TONE_RECEIVED);
        });
    }

    @Test
    void keysOfOtherParticipantsSpeechAndKeysBeforeTheStartAreNotReported() {
        String id = world.connectedCallTo(ALICE);
        done(world.participants.add(new Commands.AddParticipant(id, BOB, null, null, null, "add-bob", null,
                CustomHeaders.NONE)));
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "AddParticipantSucceeded", "ParticipantsUpdated");
        press(id, ALICE, DtmfTone.NINE);
        done(media.startContinuousDtmf(new ContinuousDtmfRequest(id, ALICE, "keys", null)));

        press(id, BOB, DtmfTone.ONE);
        done(people.input(serverCallId(id), ALICE, new PersonInput.Speech("operator")));
        press(id, ALICE, DtmfTone.ASTERISK);

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "AddParticipantSucceeded", "ParticipantsUpdated",
                "ContinuousDtmfRecognitionToneReceived");
        CallEvent.ContinuousDtmfRecognitionToneReceived tone =
                world.events.single(id, CallEvent.ContinuousDtmfRecognitionToneReceived.class);
        assertThat(tone.tone()).isEqualTo("asterisk");
        assertThat(tone.sequenceId()).isEqualTo(1);
    }

    @Test
    void startingTwiceKeepsOneRecognitionAndStoppingSendsOneStoppedWithTheStopsContext() {
        String id = world.connectedCallTo(ALICE);
        done(media.startContinuousDtmf(new ContinuousDtmfRequest(id, ALICE, "keys", null)));
        done(media.startContinuousDtmf(new ContinuousDtmfRequest(id, ALICE, "again", null)));
        press(id, ALICE, DtmfTone.FIVE);

        done(media.stopContinuousDtmf(new ContinuousDtmfRequest(id, ALICE, "stop-keys", null)));
        done(media.stopContinuousDtmf(new ContinuousDtmfRequest(id, ALICE, "stop-again", null)));
        press(id, ALICE, DtmfTone.SIX);

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ContinuousDtmfRecognitionToneReceived",
                "ContinuousDtmfRecognitionStopped");
        world.settle(id);
        assertThat(world.events.typesOf(id)).hasSize(4);
        assertThat(world.events.single(id, CallEvent.ContinuousDtmfRecognitionToneReceived.class).header()
                .operationContext()).isEqualTo("keys");
        CallEvent.ContinuousDtmfRecognitionStopped stopped =
                world.events.single(id, CallEvent.ContinuousDtmfRecognitionStopped.class);
        assertThat(stopped.header().operationContext()).isEqualTo("stop-keys");
        assertThat(stopped.header().result()).isEqualTo(DtmfResults.RECOGNITION_STOPPED);
    }

    @Test
    void aRestartedRecognitionCountsFromOneAgain() {
        String id = world.connectedCallTo(ALICE);
        done(media.startContinuousDtmf(new ContinuousDtmfRequest(id, ALICE, "first", null)));
        press(id, ALICE, DtmfTone.ONE, DtmfTone.TWO);
        done(media.stopContinuousDtmf(new ContinuousDtmfRequest(id, ALICE, null, null)));
        done(media.startContinuousDtmf(new ContinuousDtmfRequest(id, ALICE, "second", null)));
        press(id, ALICE, DtmfTone.THREE);

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ContinuousDtmfRecognitionToneReceived",
                "ContinuousDtmfRecognitionToneReceived", "ContinuousDtmfRecognitionStopped",
                "ContinuousDtmfRecognitionToneReceived");
        CallEvent.ContinuousDtmfRecognitionToneReceived last = world.events
                .of(id, CallEvent.ContinuousDtmfRecognitionToneReceived.class).get(2);
        assertThat(last.sequenceId()).isEqualTo(1);
        assertThat(last.header().operationContext()).isEqualTo("second");
    }

    @Test
    void theCallEndingSendsStoppedBeforeCallDisconnected() {
        String id = world.connectedCallTo(ALICE);
        done(media.startContinuousDtmf(new ContinuousDtmfRequest(id, ALICE, "keys", null)));

        done(people.hangUp(serverCallId(id), ALICE));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ContinuousDtmfRecognitionStopped",
                "CallDisconnected");
        CallEvent.ContinuousDtmfRecognitionStopped stopped =
                world.events.single(id, CallEvent.ContinuousDtmfRecognitionStopped.class);
        assertThat(stopped.header().operationContext()).isEqualTo("keys");
        assertThat(stopped.header().result()).isEqualTo(DtmfResults.RECOGNITION_STOPPED);
    }

    @Test
    void theApplicationHangingUpAOneToOneCallEndsItSoStoppedComesFirstToo() {
        String id = world.connectedCallTo(ALICE);
        done(media.startContinuousDtmf(new ContinuousDtmfRequest(id, ALICE, "keys", null)));

        done(world.calls.hangUp(id));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ContinuousDtmfRecognitionStopped",
                "CallDisconnected");
    }

    @Test
    void aTargetNotInTheCallIsRefusedAndAStartBesideASendIsAPreconditionFailure() {
        world.people.respond(PHONE, ScriptedPeople.Response.ANSWER);
        String id = world.createCall(PHONE).callConnectionId();
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated");

        assertThat(refusal(media.startContinuousDtmf(new ContinuousDtmfRequest(id, BOB, null, null))))
                .isEqualTo(CallError.PARTICIPANT_NOT_FOUND);
        done(media.sendDtmfTones(new SendDtmfTonesRequest(id, List.of(DtmfTone.ONE), PHONE, null, null)));
        assertThat(refusal(media.startContinuousDtmf(new ContinuousDtmfRequest(id, PHONE, null, null))))
                .isEqualTo(CallError.MEDIA_PRECONDITION_FAILED);
    }

    private void press(String callConnectionId, Identifier person, DtmfTone... tones) {
        done(people.input(serverCallId(callConnectionId), person, new PersonInput.Tones(List.of(tones))));
    }

    private String serverCallId(String callConnectionId) {
        return world.registry.connection(callConnectionId).orElseThrow().call().serverCallId();
    }
}
