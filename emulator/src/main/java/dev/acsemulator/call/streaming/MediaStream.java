package dev.acsemulator.call.streaming;

import dev.acsemulator.call.Call;
import dev.acsemulator.call.CallActionException;
import dev.acsemulator.call.CallConnection;
import dev.acsemulator.call.CallError;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.ResultInformation;
import dev.acsemulator.call.audio.AudioRate;
import dev.acsemulator.call.audio.PcmWindow;
import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.MediaStreamingUpdate;
import dev.acsemulator.call.media.PersonInput;
import dev.acsemulator.runtime.Lane;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The media stream of one call connection (call-automation-behaviour.md §2.19): started by StartMediaStreaming or by
 * {@code startMediaStreaming} once the connection is connected, it opens a socket to the application, sends
 * AudioMetadata, then AudioData every 20 ms on the injected clock (one task on the call's lane that reschedules
 * itself for the next frame's due time, so frames never drift) and DtmfData as keys are pressed. Each AudioData is
 * rendered from the call's audio timeline: what each participant said in those 20 ms (their voice, the DTMF tones of
 * their keys), silent-flagged when it is all zeros. A bidirectional stream plays what the application sends back into
 * the call: its other participants hear it (and a recording and {@code heard.wav} carry it), queued behind what it
 * sent before, until StopAudio drops what has not played. Everything runs on the call's lane.
 *
 * <p>A socket that cannot be opened fails the start (MediaStreamingFailed 500/8603, streamConnectionUnsuccessful).
 * A socket that drops while streaming is opened again after {@link #RECONNECT_DELAY}, at most
 * {@link #MAX_RECONNECT_ATTEMPTS} times: MediaStreamingStarted with streamConnectionReestablished when it is back,
 * MediaStreamingFailed with streamConnectionInterrupted when it is not. The stream closes with its connection or call,
 * without an event (no callback follows CallDisconnected).
 */
public final class MediaStream {

    public static final Duration FRAME = Duration.ofMillis(20);
    public static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);
    public static final int MAX_RECONNECT_ATTEMPTS = 3;
    /** How much of the application's audio may wait to be played into the call. */
    public static final Duration MAX_APP_AUDIO_AHEAD = Duration.ofSeconds(60);
    /**
     * A lane that fell behind sends the frames it owes at once, each with its own timestamp, so every second of the
     * stream still holds 50; one that fell more than a second behind (a stalled machine, a jump of virtual time)
     * skips what is older rather than flooding the application.
     */
    static final int MAX_CATCH_UP_FRAMES = 50;

    static final ResultInformation COMPLETED = new ResultInformation(200, 0, "Action completed successfully.");
    static final ResultInformation CONNECTION_UNSUCCESSFUL = new ResultInformation(500, 8603,
            "Action failed, not able to establish websocket connection.");
    static final ResultInformation CONNECTION_INTERRUPTED = new ResultInformation(500, 8603,
            "Action failed, websocket connection was interrupted and could not be reestablished.");

    private final CallConnection connection;
    private final Call call;
    private final MediaStreamingOptions options;
    private final StreamTransport transport;
    private final Clock clock;
    private final AudioRate rate;
    /** When the application's audio sent so far ends playing; at most {@link #MAX_APP_AUDIO_AHEAD} from now. */
    private Instant appAudioPlaysUntil = Instant.MIN;
    private MediaStreamState state = MediaStreamState.IDLE;
    private String subscriptionId;
    private boolean startedBefore;
    /** What GetCall shows, read off the lane: replaced whole on every change of state or id. */
    private volatile MediaStreamingSubscription subscription;
    private String startContext;
    private String startCallbackUri;
    private StreamTransport.Socket socket;
    /** Tells callbacks of an earlier socket from the current one's. */
    private int generation;
    private int reconnectAttempts;
    private Instant nextFrameAt;
    private Lane.Cancellable ticker = Lane.Cancellable.NONE;
    private Lane.Cancellable listening = Lane.Cancellable.NONE;
    private long framesSent;
    private long framesRefused;

    MediaStream(CallConnection connection, MediaStreamingOptions options, StreamTransport transport, Clock clock) {
        this.connection = connection;
        this.call = connection.call();
        this.options = options;
        this.transport = transport;
        this.clock = clock;
        this.rate = AudioRate.of(options.audioFormat().sampleRate()).orElseThrow();
        this.subscriptionId = call.ids().guid();
        publishSubscription();
    }

    /** StartMediaStreaming (or the automatic start): refused while a stream is started. */
    void start(String operationContext, String operationCallbackUri) {
        if (state.isStarted()) {
            throw new CallActionException(CallError.INVALID_REQUEST, "media streaming is already started.");
        }
        if (state == MediaStreamState.ENDED) {
            throw new CallActionException(CallError.CALL_TERMINATED, "The call connection has ended.");
        }
        startContext = operationContext;
        startCallbackUri = operationCallbackUri;
        if (startedBefore) {
            subscriptionId = call.ids().guid();
        }
        startedBefore = true;
        transitionTo(MediaStreamState.CONNECTING, "started");
        open(false);
    }

    /** StopMediaStreaming: refused unless started; MediaStreamingStopped carries the start's context. */
    void stop(String operationCallbackUri) {
        if (!state.isStarted()) {
            throw new CallActionException(CallError.INVALID_REQUEST, "media streaming is not started.");
        }
        closeSocket();
        transitionTo(MediaStreamState.IDLE, "stopped");
        emitUpdate(COMPLETED, "mediaStreamingStopped", "subscriptionStopped",
                operationCallbackUri != null ? operationCallbackUri : startCallbackUri);
    }

    /** The connection or call ended: the socket closes normally, no event. */
    void end() {
        if (state == MediaStreamState.ENDED) {
            return;
        }
        closeSocket();
        transitionTo(MediaStreamState.ENDED, "call connection ended");
    }

    private void open(boolean reconnecting) {
        int attempt = ++generation;
        transport.open(options.transportUrl(), connection.callConnectionId(), call.correlationId(),
                        new SocketEvents(attempt))
                .whenComplete((opened, error) -> call.lane().execute(() -> opened(attempt, opened, error,
                        reconnecting)));
    }

    private void opened(int attempt, StreamTransport.Socket opened, Throwable error, boolean reconnecting) {
        boolean current = attempt == generation && (state == MediaStreamState.CONNECTING
                || state == MediaStreamState.RECONNECTING);
        if (!current || !connection.isActive()) {
            if (opened != null) {
                opened.close();
            }
            if (current) {
                end();
            }
            return;
        }
        if (error != null) {
            call.journal().record("stream", connection.callConnectionId(), "socket not opened: ",
                    String.valueOf(error.getMessage()));
            if (reconnecting) {
                reconnectLater();
            } else {
                transitionTo(MediaStreamState.IDLE, "socket not opened");
                emitUpdate(CONNECTION_UNSUCCESSFUL, "mediaStreamingFailed", "streamConnectionUnsuccessful",
                        startCallbackUri);
            }
            return;
        }
        socket = opened;
        reconnectAttempts = 0;
        transitionTo(MediaStreamState.STREAMING, reconnecting ? "socket reopened" : "socket open");
        socket.send(new StreamFrame.AudioMetadata(subscriptionId, options.audioFormat()));
        emitUpdate(COMPLETED, "mediaStreamingStarted",
                reconnecting ? "streamConnectionReestablished" : "subscriptionStarted", startCallbackUri);
        nextFrameAt = clock.instant();
        if (options.enableDtmfTones()) {
            listening = call.listen(this::heard);
        }
        tick();
    }

    private void lost(int attempt, String why) {
        if (attempt != generation || state != MediaStreamState.STREAMING) {
            return;
        }
        call.journal().record("stream", connection.callConnectionId(), "socket lost: ", why);
        stopFrames();
        socket = null;
        if (!connection.isActive()) {
            end();
            return;
        }
        transitionTo(MediaStreamState.RECONNECTING, "socket lost");
        reconnectLater();
    }

    private void reconnectLater() {
        if (++reconnectAttempts > MAX_RECONNECT_ATTEMPTS) {
            transitionTo(MediaStreamState.IDLE, "socket not reopened");
            emitUpdate(CONNECTION_INTERRUPTED, "mediaStreamingFailed", "streamConnectionInterrupted",
                    startCallbackUri);
            return;
        }
        int attempt = generation;
        call.lane().schedule(RECONNECT_DELAY, () -> {
            if (state == MediaStreamState.RECONNECTING && attempt == generation) {
                open(true);
            }
        });
    }

    /** Sends every frame that is due, then schedules itself for the next one. */
    private void tick() {
        if (state != MediaStreamState.STREAMING) {
            return;
        }
        if (!connection.isActive() || call.isEnded()) {
            end();
            return;
        }
        Instant now = clock.instant();
        Instant oldestWorthSending = now.minus(FRAME.multipliedBy(MAX_CATCH_UP_FRAMES));
        if (nextFrameAt.isBefore(oldestWorthSending)) {
            long skipped = Duration.between(nextFrameAt, oldestWorthSending).toNanos() / FRAME.toNanos();
            nextFrameAt = nextFrameAt.plus(FRAME.multipliedBy(skipped));
        }
        while (!nextFrameAt.isAfter(now)) {
            sendFrameAt(nextFrameAt);
            nextFrameAt = nextFrameAt.plus(FRAME);
        }
        ticker = call.lane().schedule(Duration.between(now, nextFrameAt), this::tick);
    }

    private void sendFrameAt(Instant at) {
        if (options.audioChannelType() == AudioChannelType.MIXED) {
            PcmWindow mixed = new PcmWindow(rate, new short[(int) rate.samplesIn(FRAME)]);
            for (Identifier speaker : speakers()) {
                mixed = PcmMix.add(mixed, call.audio().said(speaker, at, FRAME, rate));
            }
            send(new StreamFrame.AudioData(at, "", mixed.littleEndian(), mixed.silent()));
            return;
        }
        for (Identifier speaker : speakers()) {
            PcmWindow said = call.audio().said(speaker, at, FRAME, rate);
            send(new StreamFrame.AudioData(at, speaker.rawId(), said.littleEndian(), said.silent()));
        }
    }

    /** Whose audio the stream carries: everyone in the call but the application itself (at most four unmixed). */
    private List<Identifier> speakers() {
        List<Identifier> speakers = new ArrayList<>(2);
        for (Identifier participant : call.participantIdentifiers()) {
            if (!participant.equals(connection.identity())) {
                speakers.add(participant);
                if (options.audioChannelType() == AudioChannelType.UNMIXED
                        && speakers.size() == AudioChannelType.MAX_UNMIXED_CHANNELS) {
                    break;
                }
            }
        }
        return speakers;
    }

    private void heard(Identifier person, PersonInput input) {
        if (state != MediaStreamState.STREAMING || person.equals(connection.identity())) {
            return;
        }
        if (input instanceof PersonInput.Tones tones) {
            Instant now = clock.instant();
            tones.tones().forEach(tone -> send(new StreamFrame.DtmfData(now, person.rawId(),
                    String.valueOf(tone.key()))));
        }
    }

    private void send(StreamFrame frame) {
        if (socket != null && socket.send(frame)) {
            framesSent++;
        } else {
            framesRefused++;
        }
    }

    /** What the application sent, on the lane. */
    private void received(AppStreamMessage message) {
        if (state != MediaStreamState.STREAMING) {
            return;
        }
        if (!options.enableBidirectional()) {
            call.journal().record("stream", connection.callConnectionId(),
                    "ignored a message from the application: the stream is not bidirectional");
            return;
        }
        if (message instanceof AppStreamMessage.AppAudio audioIn) {
            play(audioIn.pcm());
        } else if (message instanceof AppStreamMessage.StopAudio) {
            Instant now = clock.instant();
            call.audio().stopStreamedAudio(now);
            call.journal().record("stream", connection.callConnectionId(), "StopAudio dropped ",
                    appAudioPlaysUntil.isAfter(now) ? Duration.between(now, appAudioPlaysUntil).toMillis() : 0,
                    " ms of application audio not yet played");
            appAudioPlaysUntil = now;
        } else if (message instanceof AppStreamMessage.Unreadable unreadable) {
            call.journal().record("stream", connection.callConnectionId(), "ignored a message from the application: ",
                    unreadable.reason());
        }
    }

    /**
     * The application's audio: whole 16-bit samples in the stream's format, played to everyone in the call but the
     * application, after what it sent before. More than {@link #MAX_APP_AUDIO_AHEAD} waiting to play is dropped.
     */
    private void play(byte[] pcm) {
        if (pcm.length % 2 != 0) {
            call.journal().record("stream", connection.callConnectionId(),
                    "ignored application audio of an odd byte count: ", pcm.length);
            return;
        }
        Instant now = clock.instant();
        Instant startsAt = appAudioPlaysUntil.isAfter(now) ? appAudioPlaysUntil : now;
        Instant endsAt = startsAt.plus(rate.durationOf(pcm.length / 2));
        if (Duration.between(now, endsAt).compareTo(MAX_APP_AUDIO_AHEAD) > 0) {
            call.journal().record("stream", connection.callConnectionId(), "dropped application audio: more than ",
                    MAX_APP_AUDIO_AHEAD.toSeconds(), " s waiting to play");
            return;
        }
        List<Identifier> listeners = new ArrayList<>(call.participantIdentifiers());
        listeners.remove(connection.identity());
        call.audio().streamedIn(listeners, now, rate, pcm);
        appAudioPlaysUntil = endsAt;
    }

    private void closeSocket() {
        generation++;
        stopFrames();
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }

    private void stopFrames() {
        ticker.cancel();
        ticker = Lane.Cancellable.NONE;
        listening.cancel();
        listening = Lane.Cancellable.NONE;
    }

    private void emitUpdate(ResultInformation result, String status, String details, String callbackUri) {
        if (!connection.isActive()) {
            return;
        }
        MediaStreamingUpdate update = MediaStreamingUpdate.audio(status, details);
        var header = call.header(connection, startContext, callbackUri, result);
        call.emit(switch (status) {
            case "mediaStreamingStarted" -> new CallEvent.MediaStreamingStarted(header, update);
            case "mediaStreamingStopped" -> new CallEvent.MediaStreamingStopped(header, update);
            default -> new CallEvent.MediaStreamingFailed(header, update);
        });
    }

    private void transitionTo(MediaStreamState target, String cause) {
        if (!target.legalPredecessors().contains(state)) {
            throw new IllegalStateException("media stream of " + connection.callConnectionId() + ": " + state
                    + " -> " + target + " is not a legal transition (" + cause + ")");
        }
        call.journal().record("stream", connection.callConnectionId(), state + " -> " + target + " (" + cause + ")");
        state = target;
        publishSubscription();
    }

    private void publishSubscription() {
        subscription = new MediaStreamingSubscription(subscriptionId, MediaStreamingSubscription.of(state));
    }

    /** The subscription as GetCall shows it; safe to read from any thread. */
    public MediaStreamingSubscription subscription() {
        return subscription;
    }

    public MediaStreamState state() {
        return state;
    }

    public MediaStreamingOptions options() {
        return options;
    }

    public CallConnection connection() {
        return connection;
    }

    public long framesSent() {
        return framesSent;
    }

    /** Frames the socket refused (its buffer full: the application reads too slowly). */
    public long framesRefused() {
        return framesRefused;
    }

    /** The transport's reports, handed to the call's lane. */
    private final class SocketEvents implements StreamTransport.Events {
        private final int attempt;

        SocketEvents(int attempt) {
            this.attempt = attempt;
        }

        @Override
        public void received(AppStreamMessage message) {
            call.lane().execute(() -> {
                if (attempt == generation) {
                    MediaStream.this.received(message);
                }
            });
        }

        @Override
        public void lost(String why) {
            call.lane().execute(() -> MediaStream.this.lost(attempt, why));
        }
    }
}
