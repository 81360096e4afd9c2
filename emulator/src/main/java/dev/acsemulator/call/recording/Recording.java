package dev.acsemulator.call.recording;

import dev.acsemulator.call.Call;
import dev.acsemulator.call.CallActionException;
import dev.acsemulator.call.CallConnection;
import dev.acsemulator.call.CallError;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.ResultInformation;
import dev.acsemulator.call.audio.Span;
import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.EventHeader;
import dev.acsemulator.runtime.Lane;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One recording of one call; lives on the call's lane (call-automation-behaviour.md §2.17).
 *
 * <p>Its bot joins the call a moment after StartRecording is accepted: the roster moves on with an unchanged visible
 * list, and RecordingStateChanged reports {@code active} (or {@code inactive} when it starts paused). Pause, resume
 * and stop report their new state the same way, to {@code recordingStateCallbackUri} or the connection's callback.
 * A recording whose call ends before its bot joined ends with StartRecordingFailed. Its file carries the call's audio
 * timeline ({@link dev.acsemulator.call.audio.CallAudio}: what participants say, the keys they press, and what they
 * hear from the application) where it fell in its unpaused segments, from the part of a sound already playing when
 * it started; the timeline keeps all of it from the recording's start until it stops.
 */
public final class Recording {

    /** RecordingStateChanged's {@code recordingKind} for a recording started through Call Automation. */
    public static final String KIND = "azureCommunicationServices";

    private final String recordingId;
    private final String documentId;
    private final Call call;
    private final CallConnection connection;
    private final RecordingOptions options;
    private final Clock clock;
    private RecordingState state = RecordingState.STARTING;
    private boolean joined;
    private Instant startDateTime;
    private Instant activeSince;
    private final List<RecordedSession.Segment> segments = new ArrayList<>();
    private Lane.Cancellable joining = Lane.Cancellable.NONE;
    private Lane.Cancellable keeping = Lane.Cancellable.NONE;
    private Lane.Cancellable endWatch = Lane.Cancellable.NONE;

    Recording(String recordingId, String documentId, CallConnection connection, RecordingOptions options,
              Clock clock) {
        this.recordingId = recordingId;
        this.documentId = documentId;
        this.call = connection.call();
        this.connection = connection;
        this.options = options;
        this.clock = clock;
    }

    /** Accepted: the bot joins after {@code botJoinDelay}; the call's end stops the recording with it. */
    void start(Duration botJoinDelay, java.util.function.Consumer<Recording> onCallEnded) {
        call.journal().record("recording", recordingId, "started for ", connection.callConnectionId());
        if (options.pauseOnStart()) {
            transitionTo(RecordingState.PAUSED, "pauseOnStart");
        }
        keeping = call.audio().keepFrom(clock.instant());
        endWatch = call.whenEnded(() -> onCallEnded.accept(this));
        joining = call.lane().schedule(botJoinDelay, this::botJoined);
    }

    private void botJoined() {
        if (state == RecordingState.STOPPED) {
            return;
        }
        joined = true;
        startDateTime = clock.instant();
        call.publishInvisibleRosterChange();
        if (state == RecordingState.STARTING) {
            transitionTo(RecordingState.ACTIVE, "recording bot joined");
        } else {
            emitState();
        }
    }

    /** PauseRecording: a paused recording stays paused; a stopped one refuses. */
    void pause() {
        requireNotStopped("paused");
        if (state != RecordingState.PAUSED) {
            transitionTo(RecordingState.PAUSED, "paused");
        }
    }

    /** ResumeRecording: a running recording stays running; a stopped one refuses. */
    void resume() {
        requireNotStopped("resumed");
        if (state == RecordingState.PAUSED) {
            transitionTo(joined ? RecordingState.ACTIVE : RecordingState.STARTING, "resumed");
        }
    }

    /**
     * StopRecording, or the end of the call: the bot leaves and the recording is final. Returns what it recorded,
     * empty when it never recorded anything (stopped before its bot joined, or paused all along).
     */
    Optional<RecordedSession> stop(boolean callEnded) {
        if (state == RecordingState.STOPPED) {
            throw new CallActionException(CallError.RECORDING_NOT_FOUND,
                    "Recording " + recordingId + " has already stopped.");
        }
        joining.cancel();
        keeping.cancel();
        endWatch.cancel();
        boolean wasJoined = joined;
        if (!wasJoined) {
            state = stopWithoutEvent();
            if (callEnded) {
                call.emit(new CallEvent.StartRecordingFailed(header(ResultInformation.CALL_ALREADY_ENDED),
                        recordingId));
            }
            return Optional.empty();
        }
        transitionTo(RecordingState.STOPPED, callEnded ? "call ended" : "stopped");
        if (!callEnded) {
            call.publishInvisibleRosterChange();
        }
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        List<Span> sounds = call.audio().spansToKeep(segments.get(0).start(), clock.instant());
        return Optional.of(new RecordedSession(recordingId, documentId, call.serverCallId(), call.correlationId(),
                options, segments, channels(sounds), sounds, callEnded ? "CallEnded" : "SessionEnded"));
    }

    /**
     * The single way to change state: checks {@link RecordingState#legalPredecessors()}, journals the change, keeps
     * the unpaused segments, and reports the new state once the bot has joined. An illegal transition is a bug.
     */
    void transitionTo(RecordingState target, String cause) {
        if (!target.legalPredecessors().contains(state)) {
            throw new IllegalStateException("Recording " + recordingId + " cannot go from " + state + " to " + target
                    + " (" + cause + ")");
        }
        Instant now = clock.instant();
        if (state == RecordingState.ACTIVE) {
            segments.add(new RecordedSession.Segment(activeSince, now));
        }
        if (target == RecordingState.ACTIVE) {
            activeSince = now;
        }
        call.journal().record("recording", recordingId, state + " -> " + target + " (" + cause + ")");
        state = target;
        if (joined) {
            emitState();
        }
    }

    private RecordingState stopWithoutEvent() {
        call.journal().record("recording", recordingId, state + " -> STOPPED (before the bot joined)");
        return RecordingState.STOPPED;
    }

    private void emitState() {
        call.emit(new CallEvent.RecordingStateChanged(header(ResultInformation.OK), recordingId, state.wireName(),
                startDateTime, KIND));
    }

    private EventHeader header(ResultInformation result) {
        return call.header(connection, null, options.stateCallbackUri(), result);
    }

    /**
     * The channel of each participant: {@code channelAffinity} first (at its channel, or the next free one), then
     * {@code audioChannelParticipantOrdering}, then everyone else in the call or heard in it, in joining order.
     */
    private List<Identifier> channels(List<Span> sounds) {
        List<Identifier> everyone = new ArrayList<>(call.participantIdentifiers());
        for (Span sound : sounds) {
            if (!everyone.contains(sound.person())) {
                everyone.add(sound.person());
            }
        }
        List<Identifier> byChannel = new ArrayList<>();
        for (RecordingOptions.ChannelAffinity affinity : options.channelAffinity()) {
            if (affinity.channel() != null) {
                while (byChannel.size() <= affinity.channel()) {
                    byChannel.add(null);
                }
                byChannel.set(affinity.channel(), affinity.participant());
            }
        }
        List<Identifier> rest = new ArrayList<>();
        options.channelAffinity().stream().filter(a -> a.channel() == null).forEach(a -> rest.add(a.participant()));
        rest.addAll(options.channelOrdering());
        rest.addAll(everyone);
        for (Identifier person : rest) {
            if (byChannel.contains(person)) {
                continue;
            }
            int free = byChannel.indexOf(null);
            if (free >= 0) {
                byChannel.set(free, person);
            } else {
                byChannel.add(person);
            }
        }
        byChannel.removeIf(java.util.Objects::isNull);
        return byChannel;
    }

    private void requireNotStopped(String action) {
        if (state == RecordingState.STOPPED) {
            throw new CallActionException(CallError.RECORDING_STOPPED,
                    "Recording " + recordingId + " has stopped and cannot be " + action + ".");
        }
    }

    public String recordingId() {
        return recordingId;
    }

    public RecordingState state() {
        return state;
    }

    public Call call() {
        return call;
    }

    RecordingSnapshot snapshot() {
        return new RecordingSnapshot(recordingId, state.wireName(), KIND);
    }
}
