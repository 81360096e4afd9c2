package dev.acsemulator.call.media;

import dev.acsemulator.call.Call;
import dev.acsemulator.call.CallActionException;
import dev.acsemulator.call.CallError;
import dev.acsemulator.call.CallService;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.IdentifierKind;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * CallMedia_Play, CallMedia_Recognize, CallMedia_CancelAllMediaOperations, continuous DTMF recognition and
 * SendDtmfTones (call-automation-behaviour.md §2.13 to §2.16, §2.21): each runs on the
 * call's lane, on an established connection, and answers as soon as the operation is accepted; its outcome arrives
 * as events.
 */
public final class MediaService {

    private final CallService calls;
    private final SourcePreparer preparer;
    private final Clock clock;
    private final PromptedPeople people;
    private final InjectedMediaFailures failures;

    /** Media without scripted people: only the control API makes people press keys or speak. */
    public MediaService(CallService calls, SourcePreparer preparer, Clock clock) {
        this(calls, preparer, clock, PromptedPeople.SILENT);
    }

    public MediaService(CallService calls, SourcePreparer preparer, Clock clock, PromptedPeople people) {
        this(calls, preparer, clock, people, InjectedMediaFailures.NONE);
    }

    /** Media whose plays, recognizes, DTMF sends and holds may be failed by {@code failures} as they start. */
    public MediaService(CallService calls, SourcePreparer preparer, Clock clock, PromptedPeople people,
                        InjectedMediaFailures failures) {
        this.calls = calls;
        this.failures = failures;
        this.preparer = preparer;
        this.clock = clock;
        this.people = people;
    }

    public CompletableFuture<Void> play(PlayRequest request) {
        return calls.onEstablishedConnection(request.callConnectionId(), connection -> {
            for (Identifier target : request.playTo()) {
                if (!connection.call().hasParticipant(target)) {
                    throw new CallActionException(CallError.PARTICIPANT_NOT_FOUND,
                            "Participant " + target.rawId() + " is not in the call.");
                }
            }
            AiServicesLink.requireForSources(connection, request.sources());
            connection.call().media().play(connection, request, preparer, clock, failures);
            return null;
        });
    }

    /**
     * CallMedia_Recognize (§2.14): the target must be a participant of the call other than the application itself;
     * the outcome arrives as RecognizeCompleted, RecognizeFailed or RecognizeCanceled.
     */
    public CompletableFuture<Void> recognize(RecognizeRequest request) {
        return calls.onEstablishedConnection(request.callConnectionId(), connection -> {
            Identifier target = request.targetParticipant();
            MediaTargets.requireInCall(connection.call(), target);
            if (target.equals(connection.identity())) {
                throw new CallActionException(CallError.INVALID_REQUEST,
                        "the target participant of a recognize cannot be the application itself.");
            }
            AiServicesLink.requireForRecognize(connection, request);
            connection.call().media().recognize(connection, request, preparer, clock, people, failures);
            return null;
        });
    }

    /** CallMedia_Hold: the target goes on hold, with its hold audio if the request has one. */
    public CompletableFuture<Void> hold(HoldRequest request) {
        return calls.onEstablishedConnection(request.callConnectionId(), connection -> {
            if (request.holdAudio() != null) {
                AiServicesLink.requireForSources(connection, List.of(request.holdAudio()));
            }
            connection.call().media().hold(connection, request, preparer, clock, failures);
            return null;
        });
    }

    /** StartContinuousDtmfRecognition (§2.15): 200 once it listens, also when it already did. */
    public CompletableFuture<Void> startContinuousDtmf(ContinuousDtmfRequest request) {
        return calls.onEstablishedConnection(request.callConnectionId(), connection -> {
            MediaTargets.requireInCall(connection.call(), request.target());
            connection.call().media().startContinuousDtmf(connection, request);
            return null;
        });
    }

    /** CallMedia_Unhold: the target comes off hold. */
    public CompletableFuture<Void> unhold(UnholdRequest request) {
        return calls.onEstablishedConnection(request.callConnectionId(), connection -> {
            connection.call().media().unhold(connection, request);
            return null;
        });
    }

    /** StopContinuousDtmfRecognition (§2.15): 200, with ContinuousDtmfRecognitionStopped only if one was running. */
    public CompletableFuture<Void> stopContinuousDtmf(ContinuousDtmfRequest request) {
        return calls.onEstablishedConnection(request.callConnectionId(), connection -> {
            MediaTargets.requireInCall(connection.call(), request.target());
            connection.call().media().stopContinuousDtmf(connection, request);
            return null;
        });
    }

    /**
     * SendDtmfTones (§2.16): only to a phone number in the call (Microsoft's documentation: "only PSTN"); refused for any other
     * participant with 405/8520 as the emulator refuses other actions a kind of participant does not support
     * (openapi/DEVIATIONS.md 37).
     */
    public CompletableFuture<Void> sendDtmfTones(SendDtmfTonesRequest request) {
        return calls.onEstablishedConnection(request.callConnectionId(), connection -> {
            MediaTargets.requireInCall(connection.call(), request.target());
            if (request.target().kind() != IdentifierKind.PHONE_NUMBER) {
                throw new CallActionException(CallError.NOT_SUPPORTED,
                        "DTMF tones can only be sent to a phone number (PSTN) participant, not to "
                                + request.target().rawId() + ".");
            }
            connection.call().media().sendDtmfTones(connection, request, clock, failures);
            return null;
        });
    }

    /** Cancels every media operation of the call; completes with how many there were. */
    public CompletableFuture<Integer> cancelAll(String callConnectionId) {
        return calls.onEstablishedConnection(callConnectionId, connection ->
                connection.call().mediaIfAny().map(CallMedia::cancelAll).orElse(0));
    }
}
