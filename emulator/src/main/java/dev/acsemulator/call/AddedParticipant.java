package dev.acsemulator.call;

/** The answer to AddParticipant: the participant being invited and the invitation that rings it. */
public record AddedParticipant(Identifier participant, String invitationId, String operationContext) {
}
