package dev.acsemulator.call.media;

import dev.acsemulator.call.Identifier;

import java.time.Instant;

/**
 * One source of a play as one participant heard it: what it was, when it started, when it stopped and how (to its
 * end, or cut off by a cancel, a barge-in or the call ending). {@code end} is null while it still plays. The tones of
 * a SendDtmfTones are one line of kind {@link #DTMF} whose content is the tones' spec names, comma-separated.
 */
public record HeardPrompt(Identifier listener, String callConnectionId, String operationContext, int sourceIndex,
                          String kind, String content, Instant start, Instant end, Ending ending) {

    /** The kind of the line of tones sent to the participant by SendDtmfTones. */
    public static final String DTMF = "dtmf";

    public enum Ending {
        /** Still being heard. */
        PLAYING,
        /** Heard to its end. */
        COMPLETED,
        /** Stopped before its end. */
        CUT_OFF
    }
}
