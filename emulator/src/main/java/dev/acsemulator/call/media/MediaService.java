package dev.acsemulator.call.media;

import dev.acsemulator.call.CallActionException;
import dev.acsemulator.call.CallError;
import dev.acsemulator.call.CallService;
import dev.acsemulator.call.Identifier;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * CallMedia_Play and CallMedia_CancelAllMediaOperations (call-automation-behaviour.md §2.13, §2.21): each runs on the
 * call's lane, on an established connection, and answers as soon as the operation is accepted; its outcome arrives
 * as events.
 */
public final class MediaService {

    private final CallService calls;
    private final SourcePreparer preparer;
    private final Clock clock;

    public MediaService(CallService calls, SourcePreparer preparer, Clock clock) {
        this.calls = calls;
        this.preparer = preparer;
        this.clock = clock;
    }

    public CompletableFuture<Void> play(PlayRequest request) {
        return calls.onEstablishedConnection(request.callConnectionId(), connection -> {
            for (Identifier target : request.playTo()) {
                if (!connection.call().hasParticipant(target)) {
                    throw new CallActionException(CallError.PARTICIPANT_NOT_FOUND,
                            "Participant " + target.rawId() + " is not in the call.");
                }
            }
            connection.call().media().play(connection, request, preparer, clock);
            return null;
        });
    }

    /** CallMedia_Hold: the target goes on hold, with its hold audio if the request has one. */
    public CompletableFuture<Void> hold(HoldRequest request) {
        return calls.onEstablishedConnection(request.callConnectionId(), connection -> {
            connection.call().media().hold(connection, request, preparer, clock);
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

    /** Cancels every media operation of the call; completes with how many there were. */
    public CompletableFuture<Integer> cancelAll(String callConnectionId) {
        return calls.onEstablishedConnection(callConnectionId, connection ->
                connection.call().mediaIfAny().map(CallMedia::cancelAll).orElse(0));
    }
}
