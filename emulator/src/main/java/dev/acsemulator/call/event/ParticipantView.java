package dev.acsemulator.call.event;

import dev.acsemulator.call.Identifier;

/** A participant as listed by ParticipantsUpdated and GetParticipants ({@code CallParticipant}). */
public record ParticipantView(Identifier identifier, boolean muted, boolean onHold) {
}
