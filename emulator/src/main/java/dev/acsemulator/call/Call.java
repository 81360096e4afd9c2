package dev.acsemulator.call;

import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.CallEventSink;
import dev.acsemulator.call.event.EventHeader;
import dev.acsemulator.call.event.ParticipantView;
import dev.acsemulator.world.IdSource;
import dev.acsemulator.world.Lane;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A server call: its roster, the application connections in it, the invitations it is ringing, and the call-wide
 * roster version that ParticipantsUpdated carries (§6: the same sequenceNumber on every connection, increasing).
 * Everything here runs on {@link #lane()}.
 */
public final class Call {

    private final String serverCallId;
    private final String correlationId;
    private final Lane lane;
    private final CallJournal journal;
    private final CallEventSink sink;
    private final Map<Identifier, Participant> roster = new LinkedHashMap<>();
    private final Map<String, CallConnection> connections = new LinkedHashMap<>();
    private final Map<String, Invitation> invitations = new LinkedHashMap<>();
    private final List<String> incomingCallContexts = new ArrayList<>();
    private final java.util.function.Consumer<Call> onEnded;
    private final IdSource ids;
    private boolean group;
    private int sequenceNumber;
    private boolean ended;

    Call(IdSource ids, String serverCallId, String correlationId, Lane lane, CallJournal journal, CallEventSink sink,
         boolean group, java.util.function.Consumer<Call> onEnded) {
        this.ids = ids;
        this.serverCallId = serverCallId;
        this.correlationId = correlationId;
        this.lane = lane;
        this.journal = journal;
        this.sink = sink;
        this.group = group;
        this.onEnded = onEnded;
    }

    CallConnection addConnection(String callConnectionId, CallConnection.ConnectionSpec spec) {
        CallConnection connection = new CallConnection(callConnectionId, this, spec);
        connections.put(callConnectionId, connection);
        journal.record("connection", callConnectionId, "created for " + spec.identity());
        return connection;
    }

    Participant join(Identifier identifier, CallConnection connection) {
        Participant participant = new Participant(identifier, connection);
        roster.put(identifier, participant);
        journal.record("roster", identifier.rawId(), "joined");
        return participant;
    }

    /**
     * Lets an invitation's answerer in: the target joins, and an answering application's connection gets
     * CallConnected. Returns false, and ends the answerer's connection, when the call is already over.
     */
    boolean admit(Invitation invitation, CallConnection answeringConnection) {
        if (ended) {
            if (answeringConnection != null) {
                disconnect(answeringConnection, ResultInformation.CONVERSATION_ENDED, null);
            }
            return false;
        }
        join(invitation.target(), answeringConnection);
        if (answeringConnection != null) {
            connect(answeringConnection);
        }
        return true;
    }

    Optional<Participant> leave(Identifier identifier) {
        Participant removed = roster.remove(identifier);
        if (removed != null) {
            journal.record("roster", identifier.rawId(), "left");
        }
        return Optional.ofNullable(removed);
    }

    Invitation track(Invitation invitation) {
        invitations.put(invitation.invitationId(), invitation);
        return invitation;
    }

    /** Emits CallConnected to a connection that is still connecting, and moves it to connected. */
    void connect(CallConnection connection) {
        connection.transitionTo(CallConnectionState.CONNECTED, "call established");
        emit(new CallEvent.CallConnected(header(connection, connection.operationContext(), ResultInformation.OK)));
    }

    /**
     * Someone left: a 1:1 call left with one participant (or any call left with none) ends, every connection getting
     * CallDisconnected with {@code result}; otherwise the others see the new roster.
     */
    void endIfAloneElsePublish(ResultInformation result) {
        if (!group && participantCount() <= 1 || participantCount() == 0) {
            end(connection -> result, null);
        } else {
            publishRoster();
        }
    }

    /** The roster changed: a new call-wide version, announced to every connected application leg. */
    void publishRoster() {
        sequenceNumber++;
        List<ParticipantView> views = participantViews();
        for (CallConnection connection : connections.values()) {
            if (connection.state() == CallConnectionState.CONNECTED
                    || connection.state() == CallConnectionState.TRANSFERRING) {
                emit(new CallEvent.ParticipantsUpdated(header(connection, null, ResultInformation.OK), sequenceNumber,
                        views));
            }
        }
    }

    /** Ends one connection: it leaves the roster and receives CallDisconnected with the given result. */
    void disconnect(CallConnection connection, ResultInformation result, String operationContext) {
        if (!connection.isActive() && connection.state() == CallConnectionState.DISCONNECTED) {
            return;
        }
        connection.transitionTo(CallConnectionState.DISCONNECTED, "disconnected " + result.subCode());
        roster.values().removeIf(participant -> participant.connection() == connection);
        emit(new CallEvent.CallDisconnected(header(connection, operationContext, result)));
        endIfNoApplication();
    }

    /**
     * A call with no application connection left and nothing ringing is made of simulated people only: no one can
     * observe it through the API, so it ends (and is forgotten after the retention) instead of living forever.
     */
    void endIfNoApplication() {
        if (ended || invitationsRinging() > 0) {
            return;
        }
        for (CallConnection connection : connections.values()) {
            if (connection.isActive()) {
                return;
            }
        }
        journal.record("call", serverCallId, "no application left in the call");
        end(connection -> ResultInformation.CONVERSATION_ENDED, null);
    }

    /**
     * Ends the call for everyone: ringing invitations stop, every active connection gets CallDisconnected with the
     * result chosen for it, and the roster empties.
     */
    void end(Function<CallConnection, ResultInformation> resultFor, String operationContextForAll) {
        if (ended) {
            return;
        }
        ended = true;
        for (Invitation invitation : invitations.values()) {
            if (invitation.isRinging()) {
                invitation.cancel();
            }
        }
        for (CallConnection connection : new ArrayList<>(connections.values())) {
            if (connection.isActive()) {
                disconnect(connection, resultFor.apply(connection), operationContextForAll);
            }
        }
        roster.clear();
        journal.record("call", serverCallId, "ended");
        onEnded.accept(this);
    }

    /** Remembers an incomingCallContext issued for this call, so it can be forgotten with the call. */
    void issued(String incomingCallContext) {
        incomingCallContexts.add(incomingCallContext);
    }

    List<String> incomingCallContexts() {
        return incomingCallContexts;
    }

    void emit(CallEvent event) {
        journal.record("event", event.header().target().callConnectionId(), event.typeName());
        sink.publish(event);
    }

    EventHeader header(CallConnection connection, String operationContext, ResultInformation result) {
        return new EventHeader(ids.guid(), connection.eventTarget(), operationContext, result);
    }

    EventHeader header(CallConnection connection, String operationContext, String operationCallbackUri,
                       ResultInformation result) {
        return new EventHeader(ids.guid(), connection.eventTarget(operationCallbackUri), operationContext, result);
    }

    List<ParticipantView> participantViews() {
        List<ParticipantView> views = new ArrayList<>(roster.size());
        for (Participant participant : roster.values()) {
            views.add(participant.view());
        }
        return views;
    }

    void becomeGroup() {
        group = true;
    }

    /** This call's own id sequence (connections, invitations, events): deterministic per call under a seed. */
    public IdSource ids() {
        return ids;
    }

    public String serverCallId() {
        return serverCallId;
    }

    public String correlationId() {
        return correlationId;
    }

    public Lane lane() {
        return lane;
    }

    public CallJournal journal() {
        return journal;
    }

    public boolean isGroup() {
        return group;
    }

    public boolean isEnded() {
        return ended;
    }

    Optional<Participant> participant(Identifier identifier) {
        return Optional.ofNullable(roster.get(identifier));
    }

    Collection<Participant> participants() {
        return roster.values();
    }

    int participantCount() {
        return roster.size();
    }

    Collection<CallConnection> connections() {
        return connections.values();
    }

    Collection<Invitation> invitations() {
        return invitations.values();
    }

    Optional<Invitation> invitation(String invitationId) {
        return Optional.ofNullable(invitations.get(invitationId));
    }

    int invitationsRinging() {
        int ringing = 0;
        for (Invitation invitation : invitations.values()) {
            if (invitation.isRinging()) {
                ringing++;
            }
        }
        return ringing;
    }

    int sequenceNumber() {
        return sequenceNumber;
    }
}
