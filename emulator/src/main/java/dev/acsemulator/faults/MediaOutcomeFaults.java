package dev.acsemulator.faults;

import dev.acsemulator.call.ResultInformation;
import dev.acsemulator.call.media.InjectedMediaFailures;
import dev.acsemulator.call.media.MediaStart;

import java.util.Optional;

/**
 * The fault rules' answer to a media operation that is about to start (CallMedia_Play, CallMedia_Recognize,
 * CallMedia_SendDtmfTones, CallMedia_Hold): a matching {@code failOutcome} rule makes it end with its failure event
 * and the rule's {@code code}, {@code subCode} and {@code message}, each defaulting to the media code the operation
 * usually fails with (PlayFailed 400/8535, RecognizeFailed 500/8511, SendDtmfTonesFailed 400/8558, HoldFailed
 * 400/8535). Rules match the operation, the call connection, the call and the target participant.
 */
public final class MediaOutcomeFaults implements InjectedMediaFailures {

    private final FaultRules rules;

    public MediaOutcomeFaults(FaultRules rules) {
        this.rules = rules;
    }

    @Override
    public Optional<ResultInformation> failureOf(MediaStart start) {
        FaultContext context = new FaultContext(start.operation(), null, start.connection().callConnectionId(),
                start.connection().call().serverCallId(), start.target() == null ? null : start.target().rawId());
        return rules.pick(Fault.Site.OUTCOME, context)
                .filter(Fault.FailOutcome.class::isInstance)
                .map(fault -> ((Fault.FailOutcome) fault).resultOr(start.usualFailure()));
    }
}
