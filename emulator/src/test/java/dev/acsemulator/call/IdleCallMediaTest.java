package dev.acsemulator.call;

import static dev.acsemulator.call.CallWorld.ALICE;
import static dev.acsemulator.call.CallWorld.done;
import static dev.acsemulator.call.audio.AudioMeasures.rms;
import static dev.acsemulator.call.audio.AudioMeasures.wavSamples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.acsemulator.call.media.MediaService;
import dev.acsemulator.call.media.PlayRequest;
import dev.acsemulator.call.media.Wavs;
import dev.acsemulator.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A call makes its media side (audio timeline, media operations, their listeners) only when something needs it, so an
 * idle connected call holds none of it; what the timeline reads of the call (when each person joined, when the call
 * ended) is right however late it is made.
 */
class IdleCallMediaTest {

    private final Instant start = Instant.parse("2026-12-08T01:00:00Z");
    private final SettableClock clock = new SettableClock(start);
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
    void anIdleConnectedCallHoldsNoMediaSide() {
        String id = world.connectedCallTo(ALICE);
        world.settle(id);

        assertThat(call(id).hasMediaSide()).isFalse();
        assertThat(call(id).mediaIfAny()).isEmpty();
    }

    @Test
    void aPromptPlayedLongAfterTheListenerJoinedIsWhereItWasPlayedInWhatTheyHeardSinceJoining() {
        String id = world.connectedCallTo(ALICE);
        clock.set(start.plusSeconds(2));

        done(media.play(new PlayRequest(id, List.of(files.file("/long.wav")), List.of(), false, false, "p", null)));
        // The first play of a run fetches and decodes its file; a loaded machine may take longer than one WAIT.
        await().atMost(Duration.ofSeconds(30)).until(() -> world.events.typesOf(id).contains("PlayStarted"));
        clock.set(start.plusMillis(2_300));
        short[] heard = wavSamples(done(people.heardAsWav(call(id).serverCallId(), ALICE)));

        assertThat(call(id).hasMediaSide()).isTrue();
        assertThat(heard).as("from her joining, not from the play that made the timeline").hasSize(36_800);
        assertThat(rms(heard, 0, 32_000)).as("before the play").isZero();
        for (int i = 0; i < 4_800; i++) {
            assertThat(heard[32_000 + i]).as("sample " + i + " of the prompt").isEqualTo(Wavs.recognisableSample(i));
        }
    }

    @Test
    void whatAPersonHeardOnACallEndedBeforeAnyMediaIsSilenceFromTheirJoiningUntilTheEnd() {
        String id = world.connectedCallTo(ALICE);
        Call call = call(id);
        clock.set(start.plusSeconds(3));
        done(world.calls.hangUp(id));
        await().atMost(CallWorld.WAIT).until(() -> world.events.typesOf(id).contains("CallDisconnected"));
        world.settle(id);
        clock.set(start.plusSeconds(60));

        assertThat(call.isEnded()).isTrue();
        assertThat(call.hasMediaSide()).as("the call ended without ever needing media").isFalse();
        short[] heard = wavSamples(done(people.heardAsWav(call.serverCallId(), ALICE)));

        assertThat(heard).as("until the call's end, not until now").hasSize(3 * 16_000);
        assertThat(rms(heard, 0, heard.length)).isZero();
    }

    private Call call(String callConnectionId) {
        return world.registry.connection(callConnectionId).orElseThrow().call();
    }
}
