package dev.acsemulator.call;

import static dev.acsemulator.call.CallWorld.ALICE;
import static dev.acsemulator.call.CallWorld.PHONE;
import static dev.acsemulator.call.CallWorld.done;
import static dev.acsemulator.call.audio.AudioMeasures.power;
import static dev.acsemulator.call.audio.AudioMeasures.rms;
import static dev.acsemulator.call.audio.AudioMeasures.wavSamples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.acsemulator.call.audio.AudioRate;
import dev.acsemulator.call.audio.PcmWindow;
import dev.acsemulator.call.media.DtmfTone;
import dev.acsemulator.call.media.MediaService;
import dev.acsemulator.call.media.PersonInput;
import dev.acsemulator.call.media.PlayRequest;
import dev.acsemulator.call.media.SendDtmfTonesRequest;
import dev.acsemulator.call.media.Wavs;
import dev.acsemulator.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A call's audio timeline as a call fills it: the prompts the application plays are what the listener heard, sample
 * for sample, the tones it sends are what the phone heard, and the keys a person presses are what they said. The call
 * makes its timeline (with its media operations and their listeners) only when something needs it, so an idle call
 * holds none; what the timeline reads of the call (when each person joined, when the call ended) is right however
 * late it is made.
 */
class CallAudioTimelineTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-07T11:00:00Z"));
    private final CallWorld world = new CallWorld(clock);
    private final AudioFiles files = new AudioFiles().serve("/long.wav", Wavs.recognisable(20_000)).start();
    private final MediaService media = files.mediaOf(world, clock);
    private final PersonActions people = new PersonActions(world.registry);

    @AfterEach
    void close() {
        files.close();
        world.close();
    }

    @Test
    void aPromptPlayedToEveryoneIsWhatTheListenerHeardSampleForSampleUntilItWasCancelled() {
        String id = world.connectedCallTo(ALICE);
        Instant start = clock.instant();
        done(media.play(new PlayRequest(id, List.of(files.file("/long.wav")), List.of(), false, false, "p", null)));
        await().atMost(CallWorld.WAIT).until(() -> world.events.typesOf(id).contains("PlayStarted"));
        clock.set(start.plusMillis(300));
        done(media.cancelAll(id));

        short[] heard = onLane(id, call -> call.audio().heard(ALICE, start, Duration.ofMillis(500),
                AudioRate.KHZ_16)).samples();

        for (int i = 0; i < 4_800; i++) {
            assertThat(heard[i]).as("sample " + i).isEqualTo(Wavs.recognisableSample(i));
        }
        assertThat(rms(heard, 4_800, 3_200)).as("after the cancel").isZero();
        short[] at24 = onLane(id, call -> call.audio().heard(ALICE, start, Duration.ofMillis(100),
                AudioRate.KHZ_24)).samples();
        assertThat(at24[3]).as("24 kHz sample 3 is 16 kHz sample 2").isEqualTo(Wavs.recognisableSample(2));
    }

    @Test
    void keysAPersonPressesThroughTheCallAreWhatTheySaid() {
        String id = world.connectedCallTo(ALICE);
        String serverCallId = world.registry.connection(id).orElseThrow().call().serverCallId();
        Instant start = clock.instant();

        done(people.input(serverCallId, ALICE, new PersonInput.Tones(List.of(DtmfTone.POUND))));

        short[] said = onLane(id, call -> call.audio().said(ALICE, start, Duration.ofMillis(100),
                AudioRate.KHZ_16)).samples();
        assertThat(power(said, 0, 1_600, 941, 16_000)).isGreaterThan(100 * power(said, 0, 1_600, 697, 16_000));
        assertThat(power(said, 0, 1_600, 1477, 16_000)).isGreaterThan(100 * power(said, 0, 1_600, 1209, 16_000));
    }

    @Test
    void tonesTheApplicationSendsAreWhatThePhoneHeard250MsEach250MsApart() {
        world.people.respond(PHONE, ScriptedPeople.Response.ANSWER);
        String id = world.createCall(PHONE).callConnectionId();
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated");
        Instant start = clock.instant();

        done(media.sendDtmfTones(new SendDtmfTonesRequest(id, List.of(DtmfTone.ONE, DtmfTone.NINE), PHONE, "s", null)));

        short[] heard = onLane(id, call -> call.audio().heard(PHONE, start, Duration.ofMillis(1_000),
                AudioRate.KHZ_16)).samples();
        assertThat(power(heard, 0, 4_000, 697, 16_000)).isGreaterThan(100 * power(heard, 0, 4_000, 852, 16_000));
        assertThat(power(heard, 0, 4_000, 1209, 16_000)).isGreaterThan(100 * power(heard, 0, 4_000, 1477, 16_000));
        assertThat(rms(heard, 4_000, 4_000)).as("the gap").isZero();
        assertThat(power(heard, 8_000, 4_000, 852, 16_000)).isGreaterThan(100 * power(heard, 8_000, 4_000, 697, 16_000));
        assertThat(power(heard, 8_000, 4_000, 1477, 16_000))
                .isGreaterThan(100 * power(heard, 8_000, 4_000, 1209, 16_000));
        assertThat(rms(heard, 12_000, 4_000)).as("after the last tone").isZero();
    }

    @Test
    void anIdleConnectedCallMakesNoMediaSide() {
        String id = world.connectedCallTo(ALICE);
        world.settle(id);

        assertThat(call(id).hasMediaSide()).as("no timeline, no media operations, no listeners").isFalse();
        assertThat(call(id).mediaIfAny()).isEmpty();
    }

    @Test
    void aPromptPlayedLongAfterTheListenerJoinedIsWhereItWasPlayedInWhatTheyHeardSinceJoining() {
        Instant joined = clock.instant();
        String id = world.connectedCallTo(ALICE);
        clock.set(joined.plusSeconds(2));

        done(media.play(new PlayRequest(id, List.of(files.file("/long.wav")), List.of(), false, false, "p", null)));
        // The first play of a run fetches and decodes its file; a loaded machine may take longer than one WAIT.
        await().atMost(Duration.ofSeconds(30)).until(() -> world.events.typesOf(id).contains("PlayStarted"));
        clock.set(joined.plusMillis(2_300));
        short[] heard = wavSamples(done(people.heardAsWav(call(id).serverCallId(), ALICE)));

        assertThat(heard).as("from her joining, not from the play that made the timeline").hasSize(36_800);
        assertThat(rms(heard, 0, 32_000)).as("before the play").isZero();
        for (int i = 0; i < 4_800; i++) {
            assertThat(heard[32_000 + i]).as("sample " + i + " of the prompt").isEqualTo(Wavs.recognisableSample(i));
        }
    }

    @Test
    void whatAPersonHeardOnACallEndedBeforeAnyMediaIsSilenceFromTheirJoiningUntilTheEnd() {
        Instant joined = clock.instant();
        String id = world.connectedCallTo(ALICE);
        Call call = call(id);
        clock.set(joined.plusSeconds(3));
        done(world.calls.hangUp(id));
        await().atMost(CallWorld.WAIT).until(() -> world.events.typesOf(id).contains("CallDisconnected"));
        world.settle(id);
        clock.set(joined.plusSeconds(60));

        assertThat(call.isEnded()).isTrue();
        assertThat(call.hasMediaSide()).as("the call ended without ever needing media").isFalse();
        short[] heard = wavSamples(done(people.heardAsWav(call.serverCallId(), ALICE)));

        assertThat(heard).as("until the call's end, not until now").hasSize(3 * 16_000);
        assertThat(rms(heard, 0, heard.length)).isZero();
    }

    private Call call(String callConnectionId) {
        return world.registry.connection(callConnectionId).orElseThrow().call();
    }

    private PcmWindow onLane(String id, Function<Call, PcmWindow> read) {
        Call call = world.registry.connection(id).orElseThrow().call();
        return done(CallService.onLane(call, () -> read.apply(call)));
    }
}
