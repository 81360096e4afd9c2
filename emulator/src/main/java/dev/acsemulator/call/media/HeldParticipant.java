package dev.acsemulator.call.media;

import dev.acsemulator.call.Identifier;

/**
 * A participant an application put on hold, as the control API shows it.
 *
 * @param participant      who is on hold
 * @param callConnectionId the application's leg that asked for the hold (its hold audio events go there)
 * @param operationContext the Hold request's operationContext, or null
 * @param audio            where their hold audio stands ({@link HoldAudioState#SILENT} when the hold had none)
 */
public record HeldParticipant(Identifier participant, String callConnectionId, String operationContext,
                              HoldAudioState audio) {
}
