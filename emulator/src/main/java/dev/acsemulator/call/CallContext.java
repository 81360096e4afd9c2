package dev.acsemulator.call;

import dev.acsemulator.call.event.CallEventSink;
import dev.acsemulator.runtime.IdSource;
import dev.acsemulator.runtime.LaneSource;

import java.time.Clock;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** What every call operation needs: registry, lanes, ids, clock, the event sink and the world's router. */
final class CallContext {

    final CallRegistry registry;
    final LaneSource lanes;
    final IdSource ids;
    final Clock clock;
    final CallEventSink sink;
    final InvitationRouter router;
    final CallSettings settings;
    private final AtomicLong callOrdinal = new AtomicLong();
    /** What a call does when it ends; one instance for every call, since each call holds it for life. */
    private final Consumer<Call> whenEnded = this::ended;
    /** Ended calls not yet forgotten, in the order they ended. */
    private final Queue<Call> endedCalls = new ConcurrentLinkedQueue<>();
    private final AtomicInteger endedCount = new AtomicInteger();

    CallContext(CallRegistry registry, LaneSource lanes, IdSource ids, Clock clock, CallEventSink sink,
                InvitationRouter router, CallSettings settings) {
        this.registry = registry;
        this.lanes = lanes;
        this.ids = ids;
        this.clock = clock;
        this.sink = sink;
        this.router = router;
        this.settings = settings;
    }

    Call newCall(boolean group) {
        IdSource callIds = ids.derive(callOrdinal.incrementAndGet());
        String serverCallId = callIds.serverCallId();
        Call call = new Call(callIds, serverCallId, callIds.guid(), lanes.forKey(serverCallId), registry.newJournal(clock, serverCallId),
                sink, group, whenEnded);
        registry.register(call);
        return call;
    }

    /**
     * A call that a Connect asked for by a server call id that does not exist: registered under that id and ended at
     * once, so the failed connection can be reported and the id refused again until the retention forgets it.
     */
    Call newEndedCall(String serverCallId) {
        IdSource callIds = ids.derive(callOrdinal.incrementAndGet());
        Call call = new Call(callIds, serverCallId, callIds.guid(), lanes.forKey(serverCallId), registry.newJournal(clock, serverCallId),
                sink, false, whenEnded);
        registry.register(call);
        call.lane().execute(() -> call.end(connection -> ResultInformation.CALL_DOES_NOT_EXIST, null));
        return call;
    }

    /**
     * An ended call is remembered for the retention, and at most {@code endedCallsRemembered} of them are: beyond
     * that the oldest is forgotten early, so memory stays bounded however many calls a load test ends.
     */
    private void ended(Call call) {
        registry.forgetLocator(call);
        endedCalls.add(call);
        endedCount.incrementAndGet();
        call.forgetLater(call.lane().schedule(settings.endedCallRetention(), () -> forget(call)));
        while (endedCount.get() > settings.endedCallsRemembered()) {
            Call oldest = endedCalls.poll();
            if (oldest == null) {
                break;
            }
            endedCount.decrementAndGet();
            oldest.lane().execute(() -> {
                oldest.cancelForgetting();
                registry.forget(oldest);
            });
        }
    }

    private void forget(Call call) {
        if (endedCalls.remove(call)) { // almost always the head: calls end and expire in the same order
            endedCount.decrementAndGet();
        }
        registry.forget(call);
    }

    CallConnection newConnection(Call call, CallConnection.ConnectionSpec spec) {
        CallConnection connection = call.addConnection(call.ids().guid(), spec);
        registry.register(connection);
        return connection;
    }

    /** An identity for an application leg that named none: {@code 8:acs:<resourceId>_<guid>}. */
    Identifier newApplicationIdentity(Call call) {
        return Identifier.communicationUser("8:acs:" + settings.resourceId() + "_" + call.ids().guid());
    }

    Invitation invite(Call call, Identifier target, Identifier from, String callerDisplayName,
                      java.time.Duration timeout, CustomHeaders headers, InvitationOutcome outcome) {
        return invite(call, target, from, callerDisplayName, timeout, headers, outcome, true);
    }

    /** {@code forwardingAllowed}: whether the target's forwarding and unanswered settings apply. */
    Invitation invite(Call call, Identifier target, Identifier from, String callerDisplayName,
                      java.time.Duration timeout, CustomHeaders headers, InvitationOutcome outcome,
                      boolean forwardingAllowed) {
        Invitation invitation = call.track(new Invitation(call.ids().guid(), call, target, from, callerDisplayName,
                timeout, headers, outcome, forwardingAllowed));
        router.ring(invitation);
        invitation.startRinging();
        return invitation;
    }

    /** Runs an action on the call's lane and completes with its result or its {@link CallActionException}. */
    static <T> CompletableFuture<T> onLane(Call call, Supplier<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        call.lane().execute(CausingRequest.carried(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }));
        return result;
    }

    CompletableFuture<CallConnection> connection(String callConnectionId) {
        return registry.connection(callConnectionId)
                .map(CompletableFuture::completedFuture)
                .orElseGet(() -> CompletableFuture.failedFuture(new CallActionException(
                        CallError.CALL_CONNECTION_NOT_FOUND, "Call connection " + callConnectionId + " not found.")));
    }

    /** The connection must be connected (or transferring) for mid-call actions. */
    static void requireEstablished(CallConnection connection) {
        switch (connection.state()) {
            case CONNECTED, TRANSFERRING, TRANSFER_ACCEPTED -> { }
            case CONNECTING -> throw new CallActionException(CallError.CALL_NOT_ESTABLISHED,
                    "Action is not supported, the call is not established yet.");
            default -> throw new CallActionException(CallError.CALL_TERMINATED,
                    "Action is not supported, the call has ended.");
        }
    }

    static void requireActive(CallConnection connection) {
        if (!connection.isActive()) {
            throw new CallActionException(CallError.CALL_TERMINATED, "Action is not supported, the call has ended.");
        }
    }
}
