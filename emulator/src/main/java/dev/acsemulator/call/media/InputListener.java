package dev.acsemulator.call.media;

import dev.acsemulator.call.Identifier;

/**
 * A media operation that listens to what people in the call put into its audio (a recognizer, continuous DTMF
 * recognition). Called on the call's lane, in the order the input happened.
 */
@FunctionalInterface
public interface InputListener {

    void heard(Identifier person, PersonInput input);
}
