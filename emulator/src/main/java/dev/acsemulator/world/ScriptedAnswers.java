package dev.acsemulator.world;

import dev.acsemulator.call.Call;
import dev.acsemulator.call.CallActionException;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.PersonActions;
import dev.acsemulator.call.media.PersonInput;
import dev.acsemulator.call.media.PromptedPeople;

/**
 * Simulated people answering recognizes as their behaviour's script says: the n-th recognize that listens to a person
 * in a call gets their n-th answer, carried out on the call's lane after its delay. A person who has left the call by
 * then, or a call that has ended, gets no answer (the journal says so).
 */
public final class ScriptedAnswers implements PromptedPeople {

    private final BehaviourBook behaviours;

    public ScriptedAnswers(BehaviourBook behaviours) {
        this.behaviours = behaviours;
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

    private static void carryOut(Call call, Identifier person, ScriptedAnswer answer) {
        try {
            if (answer instanceof ScriptedAnswer.Press press) {
                PersonActions.inputNow(call, person, new PersonInput.Tones(press.tones()));
            } else if (answer instanceof ScriptedAnswer.Say say) {
                PersonActions.inputNow(call, person, new PersonInput.Speech(say.phrase()));
            } else if (answer instanceof ScriptedAnswer.HangUp) {
                PersonActions.hangUpNow(call, person);
            }
        } catch (CallActionException gone) {
            call.journal().record("person", person.rawId(), "could not answer as scripted: " + gone.getMessage());
        }
    }
}
