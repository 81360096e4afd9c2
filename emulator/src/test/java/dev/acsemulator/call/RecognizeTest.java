package dev.acsemulator.call;

import static dev.acsemulator.call.CallWorld.ALICE;
import static dev.acsemulator.call.CallWorld.BOB;
import static dev.acsemulator.call.CallWorld.done;
import static dev.acsemulator.call.CallWorld.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.Recognition;
import dev.acsemulator.call.media.AudioCache;
import dev.acsemulator.call.media.DtmfTone;
import dev.acsemulator.call.media.HeardPrompt;
import dev.acsemulator.call.media.HttpAudioFetcher;
import dev.acsemulator.call.media.MediaService;
import dev.acsemulator.call.media.PersonInput;
import dev.acsemulator.call.media.PlaySource;
import dev.acsemulator.call.media.RecognizeInputType;
import dev.acsemulator.call.media.RecognizeRequest;
import dev.acsemulator.call.media.RecognizeResults;
import dev.acsemulator.call.media.SourcePreparer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Recognize on a call of the domain: input from the person through {@link PersonActions}, prompts measured from
 * text, the system clock, and the world told whom each recognize listens to.
 */
class RecognizeTest {

    private static final String COGNITIVE = "https://contoso-ai.cognitiveservices.azure.com/";
    /** Six words at 150 words per minute: 2.4 s. */
    private static final PlaySource.Text MENU = new PlaySource.Text("For sales press one, otherwise hold.", null,
            null, null);
    private final CallWorld world = new CallWorld();
    private final HttpAudioFetcher fetcher = new HttpAudioFetcher(Duration.ofSeconds(2), 1 << 20);
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final MediaService media = new MediaService(world.calls, new SourcePreparer(fetcher, new AudioCache(2)),
            Clock.systemUTC(), (call, person, ordinal) -> asked.add(person.rawId() + " #" + ordinal));
    private final PersonActions people = new PersonActions(world.registry);

    @AfterEach
    void close() {
        fetcher.close();
        world.close();
    }

    @Test
    void withInterruptPromptAKeyDuringThePromptCutsItOffAndIsRecognized() {
        String id = linkedCallTo(ALICE);
        done(media.recognize(dtmf(id, List.of(MENU), true)));

        press(id, DtmfTone.ONE);

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "PlayStarted", "RecognizeCompleted");
        CallEvent.RecognizeCompleted completed = world.events.single(id, CallEvent.RecognizeCompleted.class);
        assertThat(completed.recognition()).isEqualTo(new Recognition.Dtmf(List.of("one")));
        assertThat(completed.header().result()).isEqualTo(RecognizeResults.MAX_TONES);
        assertThat(heard(id)).extracting(HeardPrompt::ending).containsExactly(HeardPrompt.Ending.CUT_OFF);
        assertThat(heard(id).get(0).listener()).isEqualTo(ALICE);
    }

    @Test
    void withoutInterruptPromptAKeyDuringThePromptIsIgnoredAndTheSilenceTimerStartsWhenThePromptEnds() {
        String id = linkedCallTo(ALICE);
        done(media.recognize(dtmf(id, List.of(MENU), false)));

        press(id, DtmfTone.ONE);

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "PlayStarted", "RecognizeFailed");
        CallEvent.RecognizeFailed failed = world.events.single(id, CallEvent.RecognizeFailed.class);
        assertThat(failed.header().result()).isEqualTo(RecognizeResults.INITIAL_SILENCE);
        assertThat(failed.failedPlaySourceIndex()).isNull();
        assertThat(heard(id)).extracting(HeardPrompt::ending).containsExactly(HeardPrompt.Ending.COMPLETED);
        assertThat(world.events.single(id, CallEvent.PlayStarted.class).header().result().message())
                .as("the prompt's PlayStarted at 2026-03-12").isEqualTo("Success Result");
    }

    @Test
    void atTheNewestVersionAPlayStartedComesAsEachPromptBegins() {
        String id = linkedCallTo(ALICE);

        PlaySource.Text hello = new PlaySource.Text("Hello.", null, null, null);
        done(media.recognize(dtmf(id, List.of(hello, hello), false)));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "PlayStarted", "PlayStarted", "RecognizeFailed");
        assertThat(heard(id)).hasSize(2);
    }

    @Test
    void onlyTheTargetsInputCountsAndTheWorldIsToldOfEachRecognizeOfThePerson() {
        String id = linkedCallTo(ALICE);
        done(people.join(serverCallId(id), BOB));
        done(media.recognize(dtmf(id, List.of(), false)));

        press(id, BOB, DtmfTone.NINE);
        press(id, ALICE, DtmfTone.TWO);
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "RecognizeCompleted");
        done(media.recognize(dtmf(id, List.of(), false)));

        assertThat(world.events.single(id, CallEvent.RecognizeCompleted.class).recognition())
                .isEqualTo(new Recognition.Dtmf(List.of("two")));
        assertThat(asked).containsExactly(ALICE.rawId() + " #1", ALICE.rawId() + " #2");
    }

    @Test
    void aSecondRecognizeOfThePersonConflictsAndTheCallEndingStopsTheFirstWithoutAnEvent() {
        String id = linkedCallTo(ALICE);
        done(media.recognize(dtmf(id, List.of(MENU), false)));

        assertThat(refusal(media.recognize(dtmf(id, List.of(), false)))).isEqualTo(CallError.MEDIA_CONFLICT);
        done(people.hangUp(serverCallId(id), ALICE));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "PlayStarted", "CallDisconnected");
        world.settle(id);
        assertThat(world.eventsOf(id)).noneMatch(event -> event.typeName().startsWith("Recognize"));
        assertThat(heard(id)).extracting(HeardPrompt::ending).containsExactly(HeardPrompt.Ending.CUT_OFF);
    }

    @Test
    void aRecognizeOfSomeoneNotInTheCallIsRefused() {
        String id = linkedCallTo(ALICE);

        assertThat(refusal(media.recognize(new RecognizeRequest(id, RecognizeInputType.DTMF, List.of(), BOB, false,
                Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Set.of(), Duration.ZERO, List.of(), null, false,
                null, null)))).isEqualTo(CallError.PARTICIPANT_NOT_FOUND);
    }

    private String linkedCallTo(dev.acsemulator.call.Identifier person) {
        String id = world.createCall(COGNITIVE, person).callConnectionId();
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated");
        return id;
    }

    private static RecognizeRequest dtmf(String id, List<PlaySource> prompts, boolean interruptPrompt) {
        return new RecognizeRequest(id, RecognizeInputType.DTMF, prompts, ALICE, interruptPrompt,
                Duration.ofMillis(300), Duration.ofSeconds(2), 1, Set.of(), Duration.ZERO, List.of(), null, false,
                "menu", null);
    }

    private void press(String id, DtmfTone tone) {
        press(id, ALICE, tone);
    }

    private void press(String id, dev.acsemulator.call.Identifier person, DtmfTone tone) {
        done(people.input(serverCallId(id), person, new PersonInput.Tones(List.of(tone))));
    }

    private String serverCallId(String id) {
        return world.registry.connection(id).orElseThrow().call().serverCallId();
    }

    private List<HeardPrompt> heard(String callConnectionId) {
        Call call = world.registry.connection(callConnectionId).orElseThrow().call();
        return done(CallContext.onLane(call, () -> call.media().heard()));
    }
}
