package dev.acsemulator.call;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Finds calls, connections and ringing incoming calls by their ids. Safe from any thread. */
public final class CallRegistry {

    private final Map<String, CallConnection> connections = new ConcurrentHashMap<>();
    private final Map<String, Call> callsByServerCallId = new ConcurrentHashMap<>();
    private final Map<String, Call> callsByLocator = new ConcurrentHashMap<>();
    private final Map<String, IncomingCallTicket> incomingByContext = new ConcurrentHashMap<>();
    private final List<Consumer<String>> forgetListeners = new CopyOnWriteArrayList<>();
    private volatile CallJournal.Observer journalObserver = CallJournal.Observer.NONE;

    void register(Call call) {
        callsByServerCallId.put(call.serverCallId(), call);
    }

    void register(CallConnection connection) {
        connections.put(connection.callConnectionId(), connection);
    }

    /** Registers a context; call on the invitation's call lane. */
    public void registerIncoming(String incomingCallContext, IncomingCallTicket ticket) {
        incomingByContext.put(incomingCallContext, ticket);
        ticket.invitation().call().issued(incomingCallContext);
    }

    /** Forgets an ended call, its connections and its incoming-call contexts; runs on the call's lane. */
    void forget(Call call) {
        callsByServerCallId.remove(call.serverCallId(), call);
        callsByLocator.values().remove(call);
        for (CallConnection connection : call.connections()) {
            connections.remove(connection.callConnectionId(), connection);
        }
        for (String context : call.incomingCallContexts()) {
            incomingByContext.remove(context);
        }
        for (Consumer<String> listener : forgetListeners) {
            listener.accept(call.serverCallId());
        }
    }

    /** Tells {@code listener} the server call id of every call forgotten, so what is kept about it elsewhere goes too. */
    public void whenForgotten(Consumer<String> listener) {
        forgetListeners.add(listener);
    }

    /** Tells {@code observer} of every journal line of every call created from now on. */
    public void observeJournals(CallJournal.Observer observer) {
        this.journalObserver = observer;
    }

    /** A new call's journal, told to the journals' observer. */
    CallJournal newJournal(java.time.Clock clock, String serverCallId) {
        return new CallJournal(clock, serverCallId, journalObserver);
    }

    public Optional<CallConnection> connection(String callConnectionId) {
        return Optional.ofNullable(connections.get(callConnectionId));
    }

    public Optional<Call> call(String serverCallId) {
        return Optional.ofNullable(callsByServerCallId.get(serverCallId));
    }

    Call callForLocator(String locatorKey, java.util.function.Supplier<Call> create) {
        return callsByLocator.computeIfAbsent(locatorKey, key -> {
            Call call = create.get();
            register(call);
            return call;
        });
    }

    /** The group ({@code group:<id>}) or room ({@code room:<id>}) call of that locator, without starting one. */
    public Optional<Call> callByLocator(String locatorKey) {
        return Optional.ofNullable(callsByLocator.get(locatorKey));
    }

    /** An ended group or room call frees its id at once, so the next Connect to that id starts a new call. */
    void forgetLocator(Call call) {
        callsByLocator.values().remove(call);
    }

    public Optional<IncomingCallTicket> incoming(String incomingCallContext) {
        return Optional.ofNullable(incomingByContext.get(incomingCallContext));
    }

    public Collection<Call> calls() {
        return callsByServerCallId.values();
    }

    public int connectionCount() {
        return connections.size();
    }
}
