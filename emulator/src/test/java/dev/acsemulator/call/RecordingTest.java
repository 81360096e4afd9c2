package dev.acsemulator.call;

import static dev.acsemulator.call.CallWorld.ALICE;
import static dev.acsemulator.call.CallWorld.APP;
import static dev.acsemulator.call.CallWorld.done;
import static dev.acsemulator.call.CallWorld.refusal;
import static dev.acsemulator.call.audio.AudioMeasures.rms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.media.DtmfTone;
import dev.acsemulator.call.media.PersonInput;
import dev.acsemulator.call.recording.RecordedAudio;
import dev.acsemulator.call.recording.RecordingOptions;
import dev.acsemulator.call.recording.RecordingService;
import dev.acsemulator.call.recording.RecordingSnapshot;
import dev.acsemulator.call.recording.StartRecording;
import dev.acsemulator.testing.SettableClock;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Recordings of a call of the domain: their states and events, their refusals, and the files they leave. */
class RecordingTest {

    private static final String STATE_CALLBACK = "https://app.example/api/recording-state";
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-22T00:40:00Z"));
    private final CallWorld world = new CallWorld(clock);
    private final StoredRecordings store = new StoredRecordings(clock);
    private final RecordingService recordings = new RecordingService(world.calls, world.registry, store.store, clock,
            Duration.ofMillis(1));
    private final PersonActions people = new PersonActions(world.registry);

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void startAnswersInactiveThenTheBotJoinsAndTheRecordingIsActiveOnTheStateCallback() {
        String id = world.connectedCallTo(ALICE);

        RecordingSnapshot started = done(recordings.start(byConnection(id, options("mixed", false))));

        assertThat(started.recordingState()).isEqualTo("inactive");
        assertThat(started.recordingKind()).isEqualTo("azureCommunicationServices");
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "ParticipantsUpdated",
                "RecordingStateChanged");
        CallEvent.RecordingStateChanged active = world.events.single(id, CallEvent.RecordingStateChanged.class);
        assertThat(active.state()).isEqualTo("active");
        assertThat(active.recordingId()).isEqualTo(started.recordingId());
        assertThat(active.header().target().callbackUri()).isEqualTo(STATE_CALLBACK);
        assertThat(java.util.Base64.getUrlDecoder().decode(started.recordingId()))
                .asString().contains("\"PlatformEndpointId\":\"" + id + "\"");
        assertThat(done(recordings.get(started.recordingId())).recordingState()).isEqualTo("active");
    }

    @Test
    void itsBotJoiningAndLeavingEachSendEveryLegTheUnchangedRosterTwiceUnderTheCallsNextVersions() {
        String id = world.connectedCallTo(ALICE);

        String recordingId = done(recordings.start(byConnection(id, options("mixed", false)))).recordingId();
        done(recordings.stop(recordingId));

        await().atMost(CallWorld.WAIT).until(() -> world.events.of(id, CallEvent.ParticipantsUpdated.class).size() == 5);
        world.settle(id);
        List<CallEvent.ParticipantsUpdated> rosters = world.events.of(id, CallEvent.ParticipantsUpdated.class);
        assertThat(rosters).extracting(CallEvent.ParticipantsUpdated::sequenceNumber).containsExactly(1, 3, 4, 5, 6);
        assertThat(rosters).allSatisfy(roster -> assertThat(roster.participants()).hasSize(2));
    }

    @Test
    void theFileLastsTheUnpausedTimeOnly() {
        String id = world.connectedCallTo(ALICE);
        String recordingId = activeRecording(id, options("mixed", false));

        advance(2_000);
        done(recordings.pause(recordingId));
        advance(5_000);
        done(recordings.resume(recordingId));
        advance(1_500);
        done(recordings.stop(recordingId));

        assertThat(states(id)).containsExactly("active", "inactive", "active", "inactive");
        StoredRecordings.Stored file = store.list().get(0);
        assertThat(file.session().duration()).isEqualTo(Duration.ofMillis(3_500));
        assertThat(file.session().pauses()).hasSize(1);
        assertThat(file.session().sessionEndReason()).isEqualTo("SessionEnded");
        assertThat(file.audio().size()).isEqualTo(44 + 3_500 * 16 * 2);
    }

    @Test
    void keysPressedWhileRecordingSoundInThePressersChannelAtTheirTime() {
        String id = world.connectedCallTo(ALICE);
        String recordingId = activeRecording(id, options("unmixed", false));
        String serverCallId = world.registry.connection(id).orElseThrow().call().serverCallId();

        advance(1_000);
        done(people.input(serverCallId, ALICE, new PersonInput.Tones(List.of(DtmfTone.FIVE))));
        advance(1_000);
        done(recordings.stop(recordingId));

        StoredRecordings.Stored file = store.list().get(0);
        assertThat(file.session().channels()).containsExactly(APP, ALICE);
        short[][] channels = samples(file.audio());
        int at = 16_000; // one second in
        assertThat(power(channels[1], at, 770)).isGreaterThan(100 * power(channels[1], at, 697));
        assertThat(power(channels[1], at, 1336)).isGreaterThan(100 * power(channels[1], at, 1209));
        assertThat(power(channels[0], at, 770)).isZero();
        assertThat(power(channels[1], at - 1_600, 770)).as("silence before the key").isZero();
    }

    @Test
    void aPhraseSaidWhileRecordingIsTheSpeakersSyntheticSpeechInTheirChannelForItsSpokenLength() {
        String id = world.connectedCallTo(ALICE);
        String recordingId = activeRecording(id, options("unmixed", false));
        String serverCallId = world.registry.connection(id).orElseThrow().call().serverCallId();

        advance(1_000);
        done(people.input(serverCallId, ALICE, new PersonInput.Speech("pay my bill")));
        advance(2_000);
        done(recordings.stop(recordingId));

        short[][] channels = samples(store.list().get(0).audio());
        int at = 16_000;
        int spoken = 3 * 6_400; // three words of 400 ms
        assertThat(rms(channels[1], at, spoken)).as("her speech").isGreaterThan(1_000);
        assertThat(rms(channels[1], 0, at)).as("before she spoke").isZero();
        assertThat(rms(channels[1], at + spoken, channels[1].length - at - spoken)).as("after").isZero();
        assertThat(rms(channels[0], 0, channels[0].length)).as("the application's channel").isZero();
    }

    @Test
    void aSecondStartOfTheSameCallIsADuplicate() {
        String id = world.connectedCallTo(ALICE);
        activeRecording(id, options("mixed", false));

        assertThat(refusal(recordings.start(byConnection(id, options("mixed", false)))))
                .isEqualTo(CallError.RECORDING_ALREADY_RUNNING);
    }

    @Test
    void aStoppedRecordingCannotBePausedResumedOrStoppedAgainAndAnUnknownOneIsNotFound() {
        String id = world.connectedCallTo(ALICE);
        String recordingId = activeRecording(id, options("mixed", false));
        done(recordings.stop(recordingId));

        assertThat(refusal(recordings.pause(recordingId))).isEqualTo(CallError.RECORDING_STOPPED);
        assertThat(refusal(recordings.resume(recordingId))).isEqualTo(CallError.RECORDING_STOPPED);
        assertThat(refusal(recordings.stop(recordingId))).isEqualTo(CallError.RECORDING_NOT_FOUND);
        assertThat(refusal(recordings.get("nope"))).isEqualTo(CallError.RECORDING_NOT_FOUND);
    }

    @Test
    void aRecordingStartedPausedReportsInactiveAndRecordsNothingUntilResumed() {
        String id = world.connectedCallTo(ALICE);
        String recordingId = done(recordings.start(byConnection(id, options("mixed", true)))).recordingId();
        await().atMost(CallWorld.WAIT).until(() -> states(id).size() == 1);

        advance(4_000);
        done(recordings.resume(recordingId));
        advance(1_000);
        done(recordings.stop(recordingId));

        assertThat(states(id)).containsExactly("inactive", "active", "inactive");
        assertThat(store.list().get(0).session().duration()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theEndOfTheCallStopsTheRecordingAndLeavesItsFile() {
        String id = world.connectedCallTo(ALICE);
        activeRecording(id, options("mixed", false));
        advance(2_000);

        done(world.calls.hangUp(id));

        await().atMost(CallWorld.WAIT).until(() -> !store.list().isEmpty());
        assertThat(store.list().get(0).session().sessionEndReason()).isEqualTo("CallEnded");
        assertThat(states(id)).containsExactly("active", "inactive");
    }

    @Test
    void aCallThatEndsBeforeTheBotJoinedFailsTheRecording() {
        RecordingService slowBot = new RecordingService(world.calls, world.registry, store.store, clock,
                Duration.ofMinutes(1));
        String id = world.connectedCallTo(ALICE);
        done(slowBot.start(byConnection(id, options("mixed", false))));

        done(world.calls.hangUp(id));

        await().atMost(CallWorld.WAIT).until(() -> world.events.typesOf(id).contains("StartRecordingFailed"));
        assertThat(states(id)).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    private String activeRecording(String id, RecordingOptions options) {
        String recordingId = done(recordings.start(byConnection(id, options))).recordingId();
        await().atMost(CallWorld.WAIT).until(() -> states(id).contains("active"));
        world.settle(id);
        return recordingId;
    }

    private List<String> states(String id) {
        return world.eventsOf(id).stream().filter(CallEvent.RecordingStateChanged.class::isInstance)
                .map(event -> ((CallEvent.RecordingStateChanged) event).state()).toList();
    }

    private void advance(long millis) {
        clock.set(clock.instant().plusMillis(millis));
    }

    private static StartRecording byConnection(String id, RecordingOptions options) {
        return new StartRecording(null, id, options);
    }

    private static RecordingOptions options(String channel, boolean pauseOnStart) {
        return new RecordingOptions("audio", channel, "wav", List.of(), List.of(), STATE_CALLBACK, pauseOnStart, null);
    }

    /** The file's samples, one array per channel (16-bit little-endian PCM after a 44-byte header). */
    static short[][] samples(RecordedAudio audio) {
        byte[] bytes = audio.read(0, (int) audio.size());
        ByteBuffer data = ByteBuffer.wrap(bytes, 44, bytes.length - 44).order(ByteOrder.LITTLE_ENDIAN);
        int channels = audio.channels();
        short[][] out = new short[channels][(bytes.length - 44) / 2 / channels];
        for (int frame = 0; frame < out[0].length; frame++) {
            for (int channel = 0; channel < channels; channel++) {
                out[channel][frame] = data.getShort();
            }
        }
        return out;
    }

    /** Goertzel: the power of one frequency over the 80 ms (1,280 samples) from {@code from}. */
    static double power(short[] samples, int from, int hz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / RecordedAudio.SAMPLE_RATE);
        double previous = 0;
        double beforePrevious = 0;
        for (int i = from; i < from + 1_280; i++) {
            double current = samples[i] + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        return previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
    }
}
