package dev.acsemulator.call.media;

import dev.acsemulator.call.Call;
import dev.acsemulator.call.Identifier;

/**
 * Who is told that a recognize has started listening to a person, so that a simulated person can answer it as their
 * behaviour's script says (the simulated world implements it; the domain does not know behaviours). Called on the
 * call's lane when the recognize's turn comes, before its prompts play.
 */
@FunctionalInterface
public interface PromptedPeople {

    /** Nobody answers on their own: people only press or say what the control API tells them to. */
    PromptedPeople SILENT = (call, person, ordinal) -> { };

    /**
     * A recognize listens to {@code person} in {@code call}; {@code ordinal} counts the recognizes that have listened
     * to them in this call, from 1.
     */
    void askedForInput(Call call, Identifier person, int ordinal);
}
