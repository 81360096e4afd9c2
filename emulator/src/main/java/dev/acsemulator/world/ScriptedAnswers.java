package dev.acsemulator.world;

import dev.acsemulator.call.Call;
import dev.acsemulator.call.CallActionException;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.PersonActions;
import dev.acsemulator.call.media.AudioFetcher;
import dev.acsemulator.call.media.PersonInput;
import dev.acsemulator.call.media.PromptedPeople;

import java.util.concurrent.CompletableFuture;

/**
 * Simulated people answering recognizes as their behaviour's script says: the n-th recognize that listens to a person
 * in a call gets their n-th answer, carried out on the call's lane after its delay. A person who has left the call by
 * then, or a call that has ended, gets no answer (the journal says so). A phrase to be said with a voice file from a
 * URL is said once the file is downloaded (off the lane); a file that cannot be downloaded or spoken with leaves the
 * phrase unsaid, and the journal says why.
 */
public final class ScriptedAnswers implements PromptedPeople {

    private final BehaviourBook behaviours;
    private final AudioFetcher voices;

    public ScriptedAnswers(BehaviourBook behaviours, AudioFetcher voices) {
        this.behaviours = behaviours;
        this.voices = voices;
    }

    @Override
    public void askedForInput(Call call, Identifier person, int ordinal) {
        behaviours.behaviourOf(person).answerTo(ordinal).ifPresent(answer -> {
            if (answer instanceof ScriptedAnswer.Silent) {
                call.journal().record("person", person.rawId(), "stays silent at recognize " + ordinal);
                return;
            }
            call.lane().schedule(answer.after(), () -> carryOut(call, person, answer));
        });
    }

    private void carryOut(Call call, Identifier person, ScriptedAnswer answer) {
        if (answer instanceof ScriptedAnswer.Say say) {
            CompletableFuture<PersonInput.Speech> speech = say.voice().speak(say.phrase(), voices);
            if (speech.isDone()) {
                said(call, person, speech);
            } else {
                speech.whenComplete((spoken, failure) -> call.lane().execute(() -> said(call, person, speech)));
            }
            return;
        }
        carryOut(call, person, () -> {
            if (answer instanceof ScriptedAnswer.Press press) {
                PersonActions.inputNow(call, person, new PersonInput.Tones(press.tones()));
            } else if (answer instanceof ScriptedAnswer.HangUp) {
                PersonActions.hangUpNow(call, person);
            }
        });
    }

    /** The phrase is said, its voice ready; or it is not, and the journal says why. */
    private static void said(Call call, Identifier person, CompletableFuture<PersonInput.Speech> speech) {
        try {
            PersonInput.Speech spoken = speech.join();
            carryOut(call, person, () -> PersonActions.inputNow(call, person, spoken));
        } catch (java.util.concurrent.CompletionException failure) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            call.journal().record("person", person.rawId(), "could not answer as scripted: " + cause.getMessage());
        }
    }

    private static void carryOut(Call call, Identifier person, Runnable action) {
        try {
            action.run();
        } catch (CallActionException gone) {
            call.journal().record("person", person.rawId(), "could not answer as scripted: " + gone.getMessage());
        }
    }
}
