package dev.acsemulator.call;

import static dev.acsemulator.call.CallWorld.ALICE;
import static dev.acsemulator.call.CallWorld.done;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.media.MediaResults;
import dev.acsemulator.call.media.MediaService;
import dev.acsemulator.call.media.PlayRequest;
import dev.acsemulator.call.media.PlaySource;
import dev.acsemulator.call.media.Wavs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Play sources whose server sends its headers and then stalls, or trickles bytes forever: each fails its play with
 * 8536 once the fetch deadline passes, and meanwhile every other download goes on.
 */
class StalledPlaySourcesTest {

    /** Long enough for a good file to be fetched and played on a loaded machine before it passes. */
    private static final Duration FETCH_DEADLINE = Duration.ofSeconds(4);
    private final CallWorld world = new CallWorld();
    private final AudioFiles files = new AudioFiles(FETCH_DEADLINE)
            .serve("/short.wav", Wavs.playable(100))
            .stall("/stalled.wav")
            .trickle("/trickling.wav")
            .start();
    private final MediaService media = files.mediaOf(world);

    @AfterEach
    void close() {
        files.close();
        world.close();
    }

    @Test
    void stalledSourcesStarveNoOtherPlayAndFailWith8536AfterTheDeadline() {
        List<String> stuck = new ArrayList<>();
        for (int call = 0; call < 4; call++) {
            stuck.add(world.connectedCallTo(ALICE));
        }
        long started = System.nanoTime();
        for (int i = 0; i < stuck.size(); i++) {
            done(media.play(play(stuck.get(i), i % 2 == 0 ? "/stalled.wav" : "/trickling.wav", null)));
        }
        String other = world.connectedCallTo(ALICE);

        done(media.play(play(other, "/short.wav", null)));

        world.awaitTypes(other, "CallConnected", "ParticipantsUpdated", "PlayStarted", "PlayCompleted");
        for (String id : stuck) {
            assertThat(world.events.typesOf(id)).as("while the good file played")
                    .containsExactly("CallConnected", "ParticipantsUpdated");
        }
        for (String id : stuck) {
            awaitTypesPastTheDeadline(id, "CallConnected", "ParticipantsUpdated", "PlayFailed");
            assertThat(world.events.single(id, CallEvent.PlayFailed.class).header().result())
                    .isEqualTo(MediaResults.FILE_NOT_DOWNLOADED);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(FETCH_DEADLINE);
    }

    @Test
    void aStalledSourceWithACacheIdIsNotCachedSoTheNextPlayFetchesItAgain() {
        String id = world.connectedCallTo(ALICE);

        done(media.play(play(id, "/stalled.wav", "greeting")));
        awaitTypesPastTheDeadline(id, "CallConnected", "ParticipantsUpdated", "PlayFailed");
        done(media.play(play(id, "/stalled.wav", "greeting")));

        awaitTypesPastTheDeadline(id, "CallConnected", "ParticipantsUpdated", "PlayFailed", "PlayFailed");
        assertThat(files.downloads("/stalled.wav")).isEqualTo(2);
        assertThat(world.events.of(id)).filteredOn(CallEvent.PlayFailed.class::isInstance)
                .extracting(event -> event.header().result()).containsOnly(MediaResults.FILE_NOT_DOWNLOADED);
    }

    /** Waits, at most the fetch deadline and the usual wait, until the connection's events are these types. */
    private void awaitTypesPastTheDeadline(String callConnectionId, String... types) {
        await().atMost(FETCH_DEADLINE.plus(CallWorld.WAIT)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(world.events.typesOf(callConnectionId)).containsExactly(types));
    }

    private PlayRequest play(String callConnectionId, String path, String cacheId) {
        return new PlayRequest(callConnectionId, List.of(new PlaySource.File(files.uri(path), cacheId)), List.of(),
                false, false, path, null);
    }
}
