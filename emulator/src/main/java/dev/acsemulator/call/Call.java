package dev.acsemulator.call;

import dev.acsemulator.call.audio.CallAudio;
import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.CallEventSink;
import dev.acsemulator.call.event.EventHeader;
import dev.acsemulator.call.event.ParticipantView;
import dev.acsemulator.call.media.CallMedia;
import dev.acsemulator.call.media.InputListener;
import dev.acsemulator.call.media.PersonInput;
import dev.acsemulator.runtime.IdSource;
import dev.acsemulator.runtime.Lane;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A server call: its roster, the application connections in it, the invitations it is ringing, and the call-wide
 * roster version that ParticipantsUpdated carries (call-automation-behaviour.md §6: the same sequenceNumber on every
 * connection, increasing). Everything here runs on {@link #lane()}.
 */
public final class Call {

    private final String serverCallId;
    private final String correlationId;
    private final Lane lane;
    private final CallJournal journal;
    private final CallEventSink sink;
    // Lists in joining order, searched linearly: a call usually holds a handful of each for its whole life, and a
    // list takes a third of the memory of an ordered map (a room of hundreds still searches in microseconds).
    private final List<Participant> roster = new ArrayList<>(2);
    private final List<CallConnection> connections = new ArrayList<>(1);
    private final List<Invitation> invitations = new ArrayList<>(1);
    private List<String> incomingCallContexts = List.of();
    /** Its audio, media operations and their listeners; made when the first is needed, as most calls have none. */
    private CallMediaSide mediaSide;
    private final java.util.function.Consumer<Call> onEnded;
    private final IdSource ids;
    private boolean group;
    private int sequenceNumber;
    private boolean ended;
    /** A roster was announced and the lane has not yet run what was queued behind it (see publishRoster). */
    private boolean rosterBurstOpen;
    /** The roster changed again within that burst: announced once when the burst closes. */
    private boolean rosterChangedInBurst;
    /** Legs not told of rosters yet (a leg that just joined, see RosterPolicy); none for most of a call's life. */
    private List<CallConnection> rosterHeldBack = List.of();
    /** The retention's forgetting of this ended call, cancelled when it is forgotten early. */
    private Lane.Cancellable forgetting = Lane.Cancellable.NONE;

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
        connections.add(connection);
        journal.record("connection", callConnectionId, "created for ", spec.identity());
        return connection;
    }

    Participant join(Identifier identifier, CallConnection connection) {
        Participant participant = new Participant(identifier, connection);
        int existing = rosterIndex(identifier);
        if (existing >= 0) {
            roster.set(existing, participant);
        } else {
            roster.add(participant);
        }
        journal.record(CallJournal.ROSTER, identifier.rawId(), CallJournal.JOINED);
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
        int index = rosterIndex(identifier);
        Participant removed = index < 0 ? null : roster.remove(index);
        if (removed != null) {
            journal.record(CallJournal.ROSTER, identifier.rawId(), "left");
            CallMedia media = mediaOrNull();
            if (media != null) {
                media.holds().participantLeft(identifier);
            }
        }
        return Optional.ofNullable(removed);
    }

    Invitation track(Invitation invitation) {
        invitations.add(invitation);
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

    /**
     * The roster changed: a new call-wide version, announced to every connected application leg. The first change of
     * a burst is announced at once; later changes made before the lane runs what is queued behind it (a room whose
     * hundreds of invitees answer together) are announced once, by one event carrying the final roster, so a burst of
     * n changes costs two rosters of n rather than n rosters (call-automation-behaviour.md §6: the version has gaps and
     * every event carries the whole roster).
     */
    void publishRoster() {
        sequenceNumber++;
        if (rosterBurstOpen) {
            rosterChangedInBurst = true;
            return;
        }
        announceRoster();
        rosterBurstOpen = true;
        lane.execute(this::closeRosterBurst);
    }

    private void closeRosterBurst() {
        rosterBurstOpen = false;
        if (rosterChangedInBurst) {
            rosterChangedInBurst = false;
            if (!ended) {
                announceRoster();
            }
        }
    }

    private void announceRoster() {
        List<ParticipantView> views = participantViews();
        for (CallConnection connection : connections) {
            if ((connection.state() == CallConnectionState.CONNECTED
                    || connection.state() == CallConnectionState.TRANSFERRING)
                    && !rosterHeldBack.contains(connection)) {
                emit(new CallEvent.ParticipantsUpdated(header(connection, null, ResultInformation.OK), sequenceNumber,
                        views));
            }
        }
    }

    /** The roster changed in a way no leg is told of (a participant the roster omits): the version moves on. */
    void moveVersionUnseen() {
        sequenceNumber++;
    }

    /** Rosters skip {@code connection} until {@link #releaseRosters}: it hears the call's versions from then on. */
    void holdBackRosters(CallConnection connection) {
        List<CallConnection> heldBack = new ArrayList<>(rosterHeldBack);
        heldBack.add(connection);
        rosterHeldBack = heldBack;
    }

    void releaseRosters(CallConnection connection) {
        List<CallConnection> heldBack = new ArrayList<>(rosterHeldBack);
        heldBack.remove(connection);
        rosterHeldBack = heldBack.isEmpty() ? List.of() : heldBack;
    }

    /** A new roster version that only this connection is told of (an application that connected to listen in). */
    void publishRosterTo(CallConnection connection) {
        sequenceNumber++;
        emit(new CallEvent.ParticipantsUpdated(header(connection, null, ResultInformation.OK), sequenceNumber,
                participantViews()));
    }

    /** Ends one connection: it leaves the roster and receives CallDisconnected with the given result. */
    void disconnect(CallConnection connection, ResultInformation result, String operationContext) {
        if (!connection.isActive() && connection.state() == CallConnectionState.DISCONNECTED) {
            return;
        }
        connection.transitionTo(CallConnectionState.DISCONNECTED, "disconnected " + result.subCode());
        CallMedia media = mediaOrNull();
        if (media != null) {
            media.connectionEnded(connection);
        }
        roster.removeIf(participant -> participant.connection() == connection);
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
        for (CallConnection connection : connections) {
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
        if (mediaSide != null) {
            mediaSide.callEnded();
        }
        for (Invitation invitation : invitations) {
            if (invitation.isRinging()) {
                invitation.cancel();
            }
        }
        for (CallConnection connection : new ArrayList<>(connections)) {
            if (connection.isActive()) {
                disconnect(connection, resultFor.apply(connection), operationContextForAll);
            }
        }
        roster.clear();
        journal.record(CallJournal.CALL, serverCallId, CallJournal.ENDED);
        onEnded.accept(this);
    }

    void forgetLater(Lane.Cancellable task) {
        forgetting = task;
    }

    void cancelForgetting() {
        forgetting.cancel();
        forgetting = Lane.Cancellable.NONE;
    }

    /** Remembers an incomingCallContext issued for this call, so it can be forgotten with the call. */
    void issued(String incomingCallContext) {
        if (incomingCallContexts.isEmpty()) {
            incomingCallContexts = new ArrayList<>(1); // most calls are outbound and never get one
        }
        incomingCallContexts.add(incomingCallContext);
    }

    List<String> incomingCallContexts() {
        return incomingCallContexts;
    }

    /** Emits a callback event to the connection it addresses; the journal records it. On the call's lane. */
    public void emit(CallEvent event) {
        journal.record("event", event.header().target().callConnectionId(), event.typeName());
        sink.publish(event);
    }

    EventHeader header(CallConnection connection, String operationContext, ResultInformation result) {
        return new EventHeader(ids.guid(), connection.eventTarget(), operationContext, result);
    }

    /** The header of an event of an action that may have set an {@code operationCallbackUri}. */
    public EventHeader header(CallConnection connection, String operationContext, String operationCallbackUri,
                              ResultInformation result) {
        return new EventHeader(ids.guid(), connection.eventTarget(operationCallbackUri), operationContext, result);
    }

    List<ParticipantView> participantViews() {
        List<ParticipantView> views = new ArrayList<>(roster.size());
        for (Participant participant : roster) {
            views.add(participant.view());
        }
        return Collections.unmodifiableList(views);
    }

    /** This call's media operations and what its participants heard. On the call's lane. */
    public CallMedia media() {
        return mediaSide().media();
    }

    /** The call's audio timeline: what each person said and heard, rendered on demand. On the call's lane. */
    public CallAudio audio() {
        return mediaSide().audio();
    }

    /** The media of this call, if any operation ever ran; safe to read only on the call's lane. */
    public Optional<CallMedia> mediaIfAny() {
        return Optional.ofNullable(mediaOrNull());
    }

    private CallMedia mediaOrNull() {
        return mediaSide == null ? null : mediaSide.mediaOrNull();
    }

    /** Whether anything of the call's media was ever needed (for tests of what an idle call costs). */
    boolean hasMediaSide() {
        return mediaSide != null;
    }

    private CallMediaSide mediaSide() {
        if (mediaSide == null) {
            mediaSide = new CallMediaSide(new CallAudio(journal.clock(), new JournalCallTimes(journal, serverCallId)));
        }
        return mediaSide;
    }

    /**
     * A media operation on a sub-leg puts the participants it plays to on hold, or takes them off it
     * (call-automation-behaviour.md §2.13): the roster changes, and every leg gets the new ParticipantsUpdated.
     * Participants who left meanwhile are skipped; nothing is published when nothing changed.
     */
    public void holdForMedia(List<Identifier> participants, boolean onHold) {
        boolean changed = false;
        for (Identifier identifier : participants) {
            int index = rosterIndex(identifier);
            if (index >= 0 && roster.get(index).onHold() != onHold) {
                roster.get(index).hold(onHold);
                changed = true;
            }
        }
        if (changed && !ended) {
            publishRoster();
        }
    }

    public boolean hasParticipant(Identifier identifier) {
        return rosterIndex(identifier) >= 0;
    }

    /** The identities in the roster, in joining order. */
    public List<Identifier> participantIdentifiers() {
        List<Identifier> identifiers = new ArrayList<>(roster.size());
        for (Participant participant : roster) {
            identifiers.add(participant.identifier());
        }
        return identifiers;
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
        int index = rosterIndex(identifier);
        return index < 0 ? Optional.empty() : Optional.of(roster.get(index));
    }

    private int rosterIndex(Identifier identifier) {
        for (int i = 0; i < roster.size(); i++) {
            if (roster.get(i).identifier().equals(identifier)) {
                return i;
            }
        }
        return -1;
    }

    Collection<Participant> participants() {
        return roster;
    }

    int participantCount() {
        return roster.size();
    }

    Collection<CallConnection> connections() {
        return connections;
    }

    Collection<Invitation> invitations() {
        return invitations;
    }

    Optional<Invitation> invitation(String invitationId) {
        for (Invitation invitation : invitations) {
            if (invitation.invitationId().equals(invitationId)) {
                return Optional.of(invitation);
            }
        }
        return Optional.empty();
    }

    int invitationsRinging() {
        int ringing = 0;
        for (Invitation invitation : invitations) {
            if (invitation.isRinging()) {
                ringing++;
            }
        }
        return ringing;
    }

    int sequenceNumber() {
        return sequenceNumber;
    }

    /**
     * A person in the call puts something into its audio: the journal records it, typed, and every media operation
     * listening hears it, in the order it started listening. With nobody listening the service ignores the input.
     */
    void hear(Identifier person, PersonInput input) {
        journal.recordInput(person.rawId(), input);
        mediaSide().heard(person, input);
    }

    /** Starts listening to the call's audio; the returned handle stops it. */
    public Lane.Cancellable listen(InputListener listener) {
        return mediaSide().listen(listener);
    }

    /**
     * Runs {@code listener} on the lane when the call ends, after its media stops and before any connection gets
     * CallDisconnected; the returned handle removes it.
     */
    public Lane.Cancellable whenEnded(Runnable listener) {
        return mediaSide().whenEnded(listener);
    }

    /** The first application connection that is connected (or transferring), in the order they joined. */
    public Optional<CallConnection> firstEstablishedConnection() {
        for (CallConnection connection : connections) {
            switch (connection.state()) {
                case CONNECTED, TRANSFERRING, TRANSFER_ACCEPTED -> {
                    return Optional.of(connection);
                }
                default -> { }
            }
        }
        return Optional.empty();
    }
}
