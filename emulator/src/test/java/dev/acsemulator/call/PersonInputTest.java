package dev.acsemulator.call;

import dev.acsemulator.call.media.DtmfTone;
import dev.acsemulator.call.media.PersonInput;
import dev.acsemulator.runtime.Lane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.acsemulator.call.CallWorld.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonInputTest {

    private final CallWorld world = new CallWorld();
    private final PersonActions people = new PersonActions(world.registry);

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void tonesAreNamedAsTheSpecNamesThemAndMatchedWithoutRegardToCase() {
        assertThat(DtmfTone.fromWireName("pound")).contains(DtmfTone.POUND);
        assertThat(DtmfTone.fromWireName("Asterisk")).contains(DtmfTone.ASTERISK);
        assertThat(DtmfTone.fromWireName("hash")).isEmpty();
        assertThat(DtmfTone.NINE.key()).isEqualTo('9');
        assertThat(DtmfTone.POUND.wireName()).isEqualTo("pound");
    }

    @Test
    void inputIsNeverEmpty() {
        assertThatThrownBy(() -> new PersonInput.Tones(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PersonInput.Speech(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listeningMediaHearsTypedInputInOrderAndTheJournalKeepsItTyped() {
        Call call = connectedCall();
        List<String> heard = new ArrayList<>();
        Lane.Cancellable listening = onLane(call, () -> call.listen((person, input) ->
                heard.add(person.rawId() + " " + input.match(
                        tones -> "keys " + tones.tones().get(0).key() + tones.tones().get(1).key(),
                        speech -> "words " + speech.phrase()))));

        CallWorld.done(people.input(call.serverCallId(), ALICE,
                new PersonInput.Tones(List.of(DtmfTone.ONE, DtmfTone.POUND))));
        CallWorld.done(people.input(call.serverCallId(), ALICE, new PersonInput.Speech("pay my bill")));
        onLane(call, () -> {
            listening.cancel();
            return null;
        });
        CallWorld.done(people.input(call.serverCallId(), ALICE, new PersonInput.Speech("not heard")));

        assertThat(heard).containsExactly(ALICE.rawId() + " keys 1#", ALICE.rawId() + " words pay my bill");
        List<CallJournal.Entry> inputs = call.journal().entries().stream()
                .filter(entry -> entry.kind().equals(CallJournal.INPUT)).toList();
        assertThat(inputs).extracting(CallJournal.Entry::detail)
                .containsExactly("pressed one, pound", "said \"pay my bill\"", "said \"not heard\"");
        assertThat(inputs.get(0).input()).isEqualTo(new PersonInput.Tones(List.of(DtmfTone.ONE, DtmfTone.POUND)));
        assertThat(inputs).extracting(CallJournal.Entry::subject).containsOnly(ALICE.rawId());
    }

    @Test
    void anApplicationsLegCannotPressKeys() {
        Call call = connectedCall();
        CompletableFuture<Void> refused = people.input(call.serverCallId(), CallWorld.APP,
                new PersonInput.Tones(List.of(DtmfTone.ONE)));
        assertThat(refused).failsWithin(CallWorld.WAIT).withThrowableThat()
                .havingRootCause().isInstanceOf(CallActionException.class);
    }

    private Call connectedCall() {
        String callConnectionId = world.connectedCallTo(ALICE);
        return world.registry.connection(callConnectionId).orElseThrow().call();
    }

    private <T> T onLane(Call call, java.util.function.Supplier<T> action) {
        return CallWorld.done(CallContext.onLane(call, action));
    }
}
