package dev.acsemulator.call;

import dev.acsemulator.call.event.EventTarget;

import java.util.List;
import java.util.Objects;

/**
 * One application's leg in a call (call-automation-behaviour.md §2: "every app connection gets its own CallConnected,
 * ParticipantsUpdated and CallDisconnected"). Owned by its {@link Call}; mutated only on the call's lane.
 */
public final class CallConnection {

    private final String callConnectionId;
    private final Call call;
    private final Identifier identity;
    private final String callbackUri;
    private final String apiVersion;
    private final String operationContext;
    private final List<Identifier> targets;
    private final Identifier sourceCallerIdNumber;
    private final String sourceDisplayName;
    private final Identifier answeredBy;
    private final String cognitiveServicesEndpoint;
    private final Identifier source;
    /** Volatile: a transfer's new call reads the transferor's state from its own lane. */
    private volatile CallConnectionState state = CallConnectionState.CONNECTING;
    /** What runs on the lane once CallConnected was sent (startTranscription); none for most connections. */
    private List<Runnable> connectedListeners = List.of();

    CallConnection(String callConnectionId, Call call, ConnectionSpec spec) {
        this.callConnectionId = callConnectionId;
        this.call = call;
        this.identity = spec.identity();
        this.callbackUri = spec.callbackUri();
        this.apiVersion = spec.apiVersion();
        this.operationContext = spec.operationContext();
        this.targets = List.copyOf(spec.targets());
        this.sourceCallerIdNumber = spec.sourceCallerIdNumber();
        this.sourceDisplayName = spec.sourceDisplayName();
        this.answeredBy = spec.answeredBy();
        this.cognitiveServicesEndpoint = spec.cognitiveServicesEndpoint();
        this.source = spec.source();
    }

    /**
     * What an application asked for when it created, answered or connected this leg.
     *
     * @param identity                  the leg's own identity in the call (its participant)
     * @param targets                   {@code CallConnectionProperties.targets}: whom the call was placed to
     * @param cognitiveServicesEndpoint {@code callIntelligenceOptions}: the Azure AI services resource that text and
     *                                  SSML prompts need
     * @param source                    {@code CallConnectionProperties.source}: who placed the call; the leg's
     *                                  identity when it placed it (CreateCall, Connect), the caller when it answered
     */
    public record ConnectionSpec(Identifier identity, String callbackUri, String apiVersion, String operationContext,
                                 List<Identifier> targets, Identifier sourceCallerIdNumber, String sourceDisplayName,
                                 Identifier answeredBy, String cognitiveServicesEndpoint, Identifier source) {
        public ConnectionSpec {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(callbackUri, "callbackUri");
            targets = targets == null ? List.of() : targets;
            source = source == null ? identity : source;
        }

        /** A leg that placed the call itself: its own identity is the source. */
        public ConnectionSpec(Identifier identity, String callbackUri, String apiVersion, String operationContext,
                              List<Identifier> targets, Identifier sourceCallerIdNumber, String sourceDisplayName,
                              Identifier answeredBy, String cognitiveServicesEndpoint) {
            this(identity, callbackUri, apiVersion, operationContext, targets, sourceCallerIdNumber,
                    sourceDisplayName, answeredBy, cognitiveServicesEndpoint, identity);
        }
    }

    /**
     * The single way to change state: checks the transition against {@link CallConnectionState#legalPredecessors()}.
     * An illegal transition is an emulator bug, never a client error.
     */
    void transitionTo(CallConnectionState target, String cause) {
        if (state == target) {
            return;
        }
        if (!target.legalPredecessors().contains(state)) {
            throw new IllegalStateException("Connection " + callConnectionId + " cannot go from " + state + " to "
                    + target + " (" + cause + ")");
        }
        call.journal().transition(callConnectionId, state, target, cause);
        state = target;
        if (target == CallConnectionState.CONNECTED && !connectedListeners.isEmpty()) {
            // Queued behind the task that moved the state, so they run after its CallConnected.
            connectedListeners.forEach(call.lane()::execute);
            connectedListeners = List.of();
        }
    }

    /** Where this connection's events go: the action's operation callback if it set one, else its callbackUri. */
    EventTarget eventTarget(String operationCallbackUri) {
        String uri = operationCallbackUri == null || operationCallbackUri.isEmpty() ? callbackUri : operationCallbackUri;
        return new EventTarget(callConnectionId, call.serverCallId(), call.correlationId(), uri, apiVersion);
    }

    EventTarget eventTarget() {
        return eventTarget(null);
    }

    /**
     * Runs {@code action} on the lane after this connection's CallConnected: at once (queued) when it is connected
     * already, never when it ends without connecting. On the call's lane.
     */
    public void whenConnected(Runnable action) {
        switch (state) {
            case CONNECTING -> {
                List<Runnable> listeners = new java.util.ArrayList<>(connectedListeners);
                listeners.add(action);
                connectedListeners = listeners;
            }
            case CONNECTED, TRANSFERRING, TRANSFER_ACCEPTED -> call.lane().execute(action);
            default -> { }
        }
    }

    /** Safe from any thread: everything but the (volatile) state is final and immutable. */
    public CallConnectionSnapshot snapshot() {
        return new CallConnectionSnapshot(callConnectionId, call.serverCallId(), call.correlationId(), state,
                targets, callbackUri, source, sourceCallerIdNumber, sourceDisplayName, answeredBy);
    }

    public String callConnectionId() {
        return callConnectionId;
    }

    public Call call() {
        return call;
    }

    public Identifier identity() {
        return identity;
    }

    public String callbackUri() {
        return callbackUri;
    }

    public String apiVersion() {
        return apiVersion;
    }

    public String operationContext() {
        return operationContext;
    }

    /** The Azure AI services resource linked at create, answer or connect, or null. */
    public String cognitiveServicesEndpoint() {
        return cognitiveServicesEndpoint;
    }

    public CallConnectionState state() {
        return state;
    }

    public boolean isActive() {
        return !state.isTerminal();
    }
}
