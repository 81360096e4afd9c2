package dev.acsemulator.call;

import static dev.acsemulator.call.CallWorld.ALICE;
import static dev.acsemulator.call.CallWorld.done;
import static dev.acsemulator.call.CallWorld.refusal;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.acsemulator.call.media.AudioCache;
import dev.acsemulator.call.media.CallMedia;
import dev.acsemulator.call.media.HoldRequest;
import dev.acsemulator.call.media.HttpAudioFetcher;
import dev.acsemulator.call.media.MediaService;
import dev.acsemulator.call.media.PlayRequest;
import dev.acsemulator.call.media.PlaySource;
import dev.acsemulator.call.media.RecognizeChoice;
import dev.acsemulator.call.media.RecognizeInputType;
import dev.acsemulator.call.media.RecognizeRequest;
import dev.acsemulator.call.media.SourcePreparer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Text-to-speech and speech recognition need the call's Azure AI services link: without it the request itself is
 * refused, and nothing starts.
 */
class AiServicesLinkTest {

    private static final String COGNITIVE = "https://contoso-ai.cognitiveservices.azure.com/";
    private static final PlaySource.Text HELLO = new PlaySource.Text("Hello.", null, null, null);
    private final CallWorld world = new CallWorld();
    private final HttpAudioFetcher fetcher = new HttpAudioFetcher(Duration.ofSeconds(2), 1 << 20);
    private final MediaService media = new MediaService(world.calls, new SourcePreparer(fetcher, new AudioCache(2)),
            Clock.systemUTC());

    @AfterEach
    void close() {
        fetcher.close();
        world.close();
    }

    @Test
    void aTextOrSsmlPlayOnAnUnlinkedCallIsRefusedAndSendsNothing() {
        String id = world.connectedCallTo(ALICE);

        assertThat(refusal(media.play(play(id, HELLO)))).isEqualTo(CallError.AI_SERVICES_NOT_LINKED);
        assertThat(refusal(media.play(play(id, new PlaySource.Ssml("<speak>Hi</speak>", null)))))
                .isEqualTo(CallError.AI_SERVICES_NOT_LINKED);

        world.settle(id);
        assertThat(world.eventsOf(id)).extracting(event -> event.typeName())
                .containsExactly("CallConnected", "ParticipantsUpdated");
    }

    /**
     * Why the source preparer never checks the link itself: every text or SSML source reaches it from a request the
     * media service checked first. Only MediaService starts plays, recognizes and holds, after AiServicesLink refused
     * what needs a link the connection lacks (the tests here), and only those operations hand their request's sources
     * to the preparer; a connection's link is fixed when it is set up.
     */
    @Test
    void onlyRequestsWhoseLinkWasCheckedReachTheSourcePreparer() {
        JavaClasses product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.acsemulator");

        methods().that().areDeclaredIn(CallMedia.class).and().haveNameMatching("play|recognize|hold")
                .should().onlyBeCalled().byClassesThat().belongToAnyOf(MediaService.class).check(product);
        methods().that().areDeclaredIn(SourcePreparer.class).and().haveNameMatching("prepare|prepareAll")
                .should().onlyBeCalled().byClassesThat().haveNameMatching("dev\\.acsemulator\\.call\\.media\\."
                        + "(SourcePreparer|PlayOperation|RecognizeOperation|ParticipantHold)(\\$.*)?")
                .check(product);
    }

    @Test
    void theSameTextPlayOnALinkedCallPlays() {
        String id = world.createCall(COGNITIVE, ALICE).callConnectionId();
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated");

        done(media.play(play(id, HELLO)));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "PlayStarted", "PlayCompleted");
    }

    @ParameterizedTest
    @EnumSource(value = RecognizeInputType.class, names = {"SPEECH", "CHOICES", "SPEECH_OR_DTMF"})
    void recognizingSpeechOrChoicesOnAnUnlinkedCallIsRefused(RecognizeInputType type) {
        String id = world.connectedCallTo(ALICE);

        assertThat(refusal(media.recognize(recognize(id, type, List.of()))))
                .isEqualTo(CallError.AI_SERVICES_NOT_LINKED);
    }

    @Test
    void aDtmfRecognizeNeedsTheLinkOnlyForATextPrompt() {
        String id = world.connectedCallTo(ALICE);

        assertThat(refusal(media.recognize(recognize(id, RecognizeInputType.DTMF, List.of(HELLO)))))
                .isEqualTo(CallError.AI_SERVICES_NOT_LINKED);
        done(media.recognize(recognize(id, RecognizeInputType.DTMF, List.of())));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "RecognizeFailed");
    }

    @Test
    void aSpeechRecognizeOnALinkedCallListens() {
        String id = world.createCall(COGNITIVE, ALICE).callConnectionId();
        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated");

        done(media.recognize(recognize(id, RecognizeInputType.SPEECH, List.of(HELLO))));

        world.awaitTypes(id, "CallConnected", "ParticipantsUpdated", "PlayStarted", "RecognizeFailed");
    }

    @Test
    void holdWithTextHoldAudioOnAnUnlinkedCallIsRefusedAndLeavesThePersonOffHold() {
        String id = world.connectedCallTo(ALICE);

        assertThat(refusal(media.hold(new HoldRequest(id, ALICE, HELLO, null, null))))
                .isEqualTo(CallError.AI_SERVICES_NOT_LINKED);

        world.settle(id);
        assertThat(world.eventsOf(id)).extracting(event -> event.typeName())
                .containsExactly("CallConnected", "ParticipantsUpdated");
    }

    private static PlayRequest play(String id, PlaySource source) {
        return new PlayRequest(id, List.of(source), List.of(), false, false, "tts", null);
    }

    private static RecognizeRequest recognize(String id, RecognizeInputType type, List<PlaySource> prompts) {
        List<RecognizeChoice> choices = type == RecognizeInputType.CHOICES
                ? List.of(new RecognizeChoice("yes", List.of("yes"), null)) : List.of();
        return new RecognizeRequest(id, type, prompts, ALICE, false, Duration.ofMillis(200), Duration.ofSeconds(2),
                1, Set.of(), Duration.ofMillis(500), choices, null, false, "ask", null);
    }
}
