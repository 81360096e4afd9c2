package dev.acsemulator.call.event;

import dev.acsemulator.call.Identifier;

/** A participant as listed by ParticipantsUpdated and GetParticipants ({@code CallParticipant}). */
public record ParticipantView(Identifier identifier, boolean muted, boolean onHold) {

    /**
     * Whether {@code other} lists the same participant in the same way, so that both are written as the same bytes:
     * the very same identifier object (an identifier never changes; a participant keeps its object for as long as it
     * stays in the call) and the same flags. Cheaper than {@link #equals}, and stricter: two identifiers equal by raw
     * id may still differ in what is written of them.
     */
    public boolean listsAlike(ParticipantView other) {
        return other == this
                || other.identifier == identifier && other.muted == muted && other.onHold == onHold;
    }
}
