package dev.acsemulator.call;

import static dev.acsemulator.call.CallWorld.ALICE;
import static dev.acsemulator.call.CallWorld.APP;
import static dev.acsemulator.call.CallWorld.PHONE;
import static dev.acsemulator.call.CallWorld.done;
import static dev.acsemulator.call.RecordingTest.power;
import static dev.acsemulator.call.RecordingTest.samples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.media.DtmfTone;
import dev.acsemulator.call.media.MediaService;
import dev.acsemulator.call.media.PlayRequest;
import dev.acsemulator.call.media.PlaySource;
import dev.acsemulator.call.media.SendDtmfTonesRequest;
import dev.acsemulator.call.media.Wavs;
import dev.acsemulator.call.recording.RecordingOptions;
import dev.acsemulator.call.recording.RecordingService;
import dev.acsemulator.call.recording.StartRecording;
import dev.acsemulator.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a recording's file carries of the media the application played and sent: a WAV prompt's samples in the
 * listener's channel where it sounded, and the DTMF tones sent to a phone in its channel. The media and the recording
 * share a clock the test moves, so every sound has an exact place in the file; the operations whose ends would come
 * on their own are far longer than the test, and are cut off or recorded while still sounding.
 */
class RecordedMediaTest {

    private static final int ONE_SECOND = 16_000;
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final CallWorld world = new CallWorld(clock);
    private final StoredRecordings store = new StoredRecordings(clock);
    private final RecordingService recordings = new RecordingService(world.calls, world.registry, store.store, clock,
            Duration.ofMillis(1));
    private final AudioFiles files = new AudioFiles()
            .serve("/long.wav", Wavs.recognisable(20_000))
            .serve("/silent.wav", Wavs.playable(20_000))
            .start();
    private final MediaService media = files.mediaOf(world, clock);

    @AfterEach
    void close() {
        files.close();
        world.close();
    }

    @Test
    void aPromptCutOffByACancelIsInTheListenersChannelOfAnUnmixedFileFromItsStartToTheCut() {
        String id = world.connectedCallTo(ALICE);
        String recordingId = activeRecording(id, "unmixed");
        advance(1_000);

        playToEveryone(id, "/long.wav");
        advance(300);
        done(media.cancelAll(id));
        advance(700);
        done(recordings.stop(recordingId));

        StoredRecordings.Stored file = store.list().get(0);
        assertThat(file.session().channels()).containsExactly(APP, ALICE);
        short[][] channels = samples(file.audio());
        assertThat(stretch(channels[1], ONE_SECOND, 4_800)).as("the first 300 ms of the file, at one second")
                .containsExactlyElementsOf(recognisable(0, 4_800));
        assertThat(stretch(channels[1], 0, ONE_SECOND)).as("silence before the prompt").containsOnly((short) 0);
        assertThat(stretch(channels[1], ONE_SECOND + 4_800, 11_200)).as("silence after the cut")
                .containsOnly((short) 0);
        assertThat(stretch(channels[0], 0, channels[0].length)).as("the application's channel").containsOnly((short) 0);
    }

    @Test
    void aPromptAlreadyPlayingWhenTheRecordingStartsIsInItFromWhereItHadGot() {
        String id = world.connectedCallTo(ALICE);
        playToEveryone(id, "/long.wav");
        advance(500);

        String recordingId = activeRecording(id, "mixed");
        advance(300);
        done(media.cancelAll(id));
        advance(200);
        done(recordings.stop(recordingId));

        short[] mixed = samples(store.list().get(0).audio())[0];
        assertThat(mixed).hasSize(8_000);
        assertThat(stretch(mixed, 0, 4_800)).as("the file from 500 ms in, for the 300 ms the recording heard it")
                .containsExactlyElementsOf(recognisable(8_000, 4_800));
        assertThat(stretch(mixed, 4_800, 3_200)).as("silence after the cut").containsOnly((short) 0);
    }

    @Test
    void aMixedFileLosesThePartOfAPromptThatSoundedWhileTheRecordingWasPaused() {
        String id = world.connectedCallTo(ALICE);
        String recordingId = activeRecording(id, "mixed");
        advance(1_000);

        playToEveryone(id, "/long.wav");
        advance(200);
        done(recordings.pause(recordingId));
        advance(500);
        done(recordings.resume(recordingId));
        advance(100);
        done(media.cancelAll(id));
        advance(200);
        done(recordings.stop(recordingId));

        short[] mixed = samples(store.list().get(0).audio())[0];
        assertThat(mixed).hasSize(ONE_SECOND + 3_200 + 1_600 + 3_200);
        assertThat(stretch(mixed, ONE_SECOND, 3_200)).as("200 ms before the pause")
                .containsExactlyElementsOf(recognisable(0, 3_200));
        assertThat(stretch(mixed, ONE_SECOND + 3_200, 1_600)).as("100 ms after it, 700 ms into the file")
                .containsExactlyElementsOf(recognisable(11_200, 1_600));
        assertThat(stretch(mixed, ONE_SECOND + 4_800, 3_200)).as("silence after the cut").containsOnly((short) 0);
    }

    @Test
    void tonesSentToAPhoneSoundInItsChannelEach250MsWith250MsBetween() {
        world.people.respond(PHONE, ScriptedPeople.Response.ANSWER);
        String id = world.createCall(PHONE).callConnectionId();
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated");
        String recordingId = activeRecording(id, "unmixed");
        advance(1_000);

        List<DtmfTone> tones = new java.util.ArrayList<>(Collections.nCopies(SendDtmfTonesRequest.MAX_TONES,
                DtmfTone.POUND));
        tones.set(0, DtmfTone.ONE);
        tones.set(1, DtmfTone.NINE);
        done(media.sendDtmfTones(new SendDtmfTonesRequest(id, tones, PHONE, "send", null)));
        advance(1_000); // the recording stops while the send goes on: its first two tones are in the file
        done(recordings.stop(recordingId));

        StoredRecordings.Stored file = store.list().get(0);
        assertThat(file.session().channels()).containsExactly(APP, PHONE);
        short[] phone = samples(file.audio())[1];
        int one = ONE_SECOND + 1_600;
        assertThat(power(phone, one, 697)).isGreaterThan(100 * power(phone, one, 852));
        assertThat(power(phone, one, 1209)).isGreaterThan(100 * power(phone, one, 1477));
        int nine = ONE_SECOND + 8_000 + 1_600;
        assertThat(power(phone, nine, 852)).isGreaterThan(100 * power(phone, nine, 697));
        assertThat(power(phone, nine, 1477)).isGreaterThan(100 * power(phone, nine, 1209));
        assertThat(stretch(phone, ONE_SECOND + 4_000, 4_000)).as("the gap between two tones").containsOnly((short) 0);
        assertThat(stretch(phone, ONE_SECOND - 1, 1)).as("just before the first tone").containsOnly((short) 0);
        assertThat(stretch(samples(file.audio())[0], 0, 2 * ONE_SECOND)).as("the application's channel")
                .containsOnly((short) 0);
    }

    @Test
    void aSilentFileAndTheRecordingsOwnSilenceAreAlike() {
        String id = world.connectedCallTo(ALICE);
        String recordingId = activeRecording(id, "mixed");

        playToEveryone(id, "/silent.wav");
        advance(500);
        done(recordings.stop(recordingId));

        assertThat(world.eventsOf(id)).anyMatch(CallEvent.PlayStarted.class::isInstance);
        short[] mixed = samples(store.list().get(0).audio())[0];
        assertThat(mixed).hasSize(8_000).containsOnly((short) 0);
    }

    private void playToEveryone(String id, String path) {
        done(media.play(new PlayRequest(id, List.of(files.file(path)), List.of(), false, false, path, null)));
        await().atMost(CallWorld.WAIT).until(() -> world.events.typesOf(id).contains("PlayStarted"));
    }

    private String activeRecording(String id, String channel) {
        RecordingOptions options = new RecordingOptions("audio", channel, "wav", List.of(), List.of(), null, false,
                null);
        String recordingId = done(recordings.start(new StartRecording(null, id, options))).recordingId();
        await().atMost(CallWorld.WAIT).until(() -> world.events.typesOf(id).contains("RecordingStateChanged"));
        world.settle(id);
        return recordingId;
    }

    private void advance(long millis) {
        clock.set(clock.instant().plusMillis(millis));
    }

    private static List<Short> stretch(short[] samples, int from, int count) {
        List<Short> out = new java.util.ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            out.add(samples[i]);
        }
        return out;
    }

    private static List<Short> recognisable(int from, int count) {
        List<Short> out = new java.util.ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            out.add(Wavs.recognisableSample(i));
        }
        return out;
    }
}
