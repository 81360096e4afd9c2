package dev.acsemulator.call.recording;

import dev.acsemulator.call.Call;
import dev.acsemulator.call.CallActionException;
import dev.acsemulator.call.CallConnection;
import dev.acsemulator.call.CallError;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.ResultInformation;
import dev.acsemulator.call.RosterPolicy;
import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.EventHeader;
import dev.acsemulator.call.media.DtmfTone;
import dev.acsemulator.call.media.HeardSound;
import dev.acsemulator.call.media.PersonInput;
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
 * <p>Its bot joins the call when StartRecording is accepted, and leaves when it stops: each time every leg hears the
 * unchanged visible roster twice ({@link RosterPolicy}). A moment after it started, RecordingStateChanged reports
 * {@code active} (or {@code inactive} when it starts paused). Pause, resume and stop report their new state the same way, to {@code recordingStateCallbackUri} or the connection's callback.
 * A recording whose call ends before its bot joined ends with StartRecordingFailed. It hears the keys participants
 * press and what the participants hear (prompts, hold audio, tones sent to them), which its file carries at their
 * times where they fell in its unpaused segments, from the part of a sound already playing when it started.
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
    private final List<RecordedSession.Tone> tones = new ArrayList<>();
    private final List<Identifier> heard = new ArrayList<>();
    private final List<HeardSound> sounds = new ArrayList<>();
    private Lane.Cancellable joining = Lane.Cancellable.NONE;
    private Lane.Cancellable listening = Lane.Cancellable.NONE;
    private Lane.Cancellable watching = Lane.Cancellable.NONE;
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
        listening = call.listen(this::heard);
        call.media().sounding().forEach(this::sounded); // a prompt or hold audio already playing goes on in it
        watching = call.media().watch(this::sounded);
        endWatch = call.whenEnded(() -> onCallEnded.accept(this));
        joining = call.lane().schedule(botJoinDelay, this::botJoined);
        RosterPolicy.recordingBotJoining(call);
    }

    private void botJoined() {
        if (state == RecordingState.STOPPED) {
            return;
        }
        joined = true;
        startDateTime = clock.instant();
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
        listening.cancel();
        watching.cancel();
        endWatch.cancel();
        boolean wasJoined = joined;
        if (!wasJoined) {
            state = stopWithoutEvent();
            if (callEnded) {
                call.emit(new CallEvent.StartRecordingFailed(header(ResultInformation.CALL_ALREADY_ENDED),
                        recordingId));
            } else {
                RosterPolicy.recordingBotLeaving(call);
            }
            return Optional.empty();
        }
        transitionTo(RecordingState.STOPPED, callEnded ? "call ended" : "stopped");
        if (!callEnded) {
            RosterPolicy.recordingBotLeaving(call);
        }
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<RecordedSession.Tone> allTones = new ArrayList<>(tones);
        allTones.addAll(HeardSounds.tonesSent(sounds, now));
        return Optional.of(new RecordedSession(recordingId, documentId, call.serverCallId(), call.correlationId(),
                options, segments, channels(), allTones, HeardSounds.prompts(sounds, now),
                callEnded ? "CallEnded" : "SessionEnded"));
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

    /** Keys pressed while the recording runs are kept with their times; each key of a press follows the last. */
    private void heard(Identifier person, PersonInput input) {
        noteParticipant(person);
        if (state != RecordingState.ACTIVE) {
            return;
        }
        input.match(pressed -> {
            Instant at = clock.instant();
            for (DtmfTone tone : pressed.tones()) {
                tones.add(new RecordedSession.Tone(at, RecordedSession.TONE_LENGTH, tone, person));
                at = at.plus(RecordedSession.TONE_LENGTH).plus(RecordedSession.TONE_GAP);
            }
            return null;
        }, spoken -> null);
    }

    /** A participant started hearing something: kept, with the listener's channel, until the recording stops. */
    private void sounded(HeardSound sound) {
        noteParticipant(sound.listener());
        sounds.add(sound);
    }

    private void noteParticipant(Identifier person) {
        if (!heard.contains(person)) {
            heard.add(person);
        }
    }

    /**
     * The channel of each participant: {@code channelAffinity} first (at its channel, or the next free one), then
     * {@code audioChannelParticipantOrdering}, then everyone else in the call or heard, in joining order.
     */
    private List<Identifier> channels() {
        List<Identifier> everyone = new ArrayList<>(call.participantIdentifiers());
        for (Identifier person : heard) {
            if (!everyone.contains(person)) {
                everyone.add(person);
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
