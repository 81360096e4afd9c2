package dev.acsemulator.call.media;

import dev.acsemulator.call.ResultInformation;

import java.util.Optional;

/**
 * Asked on the call's lane when a play, recognize, DTMF send or hold would start: a result here makes the operation,
 * already accepted with its 202 or 200, end at once with its failure event (PlayFailed, RecognizeFailed,
 * SendDtmfTonesFailed, HoldFailed) carrying that result instead of running. The fault rules answer it; without them
 * nothing fails ({@link #NONE}).
 */
@FunctionalInterface
public interface InjectedMediaFailures {

    InjectedMediaFailures NONE = start -> Optional.empty();

    /** The result the operation fails with, if a fault strikes it. */
    Optional<ResultInformation> failureOf(MediaStart start);
}
