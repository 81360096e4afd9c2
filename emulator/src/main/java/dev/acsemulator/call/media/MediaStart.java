package dev.acsemulator.call.media;

import dev.acsemulator.call.CallConnection;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.ResultInformation;

/**
 * A media operation at the moment it would start (its turn came, or it was accepted when it does not queue), as
 * {@link InjectedMediaFailures} sees it.
 *
 * @param operation     the spec's operationId ({@link #PLAY}, {@link #RECOGNIZE}, {@link #SEND_DTMF_TONES},
 *                      {@link #HOLD}), which a fault rule's {@code match.operation} names
 * @param connection    the application's leg that asked for it
 * @param target        the participant it acts on; for a play the first of {@code playTo}, null for a play to everyone
 * @param usualFailure  the result its failure event carries when a rule gives no {@code code}, {@code subCode} or
 *                      {@code message}: the media code the operation fails with most often
 */
public record MediaStart(String operation, CallConnection connection, Identifier target,
                         ResultInformation usualFailure) {

    public static final String PLAY = "CallMedia_Play";
    public static final String RECOGNIZE = "CallMedia_Recognize";
    public static final String SEND_DTMF_TONES = "CallMedia_SendDtmfTones";
    public static final String HOLD = "CallMedia_Hold";
}
