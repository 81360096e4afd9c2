package dev.acsemulator.call.transcription;

import dev.acsemulator.call.Call;
import dev.acsemulator.call.CallActionException;
import dev.acsemulator.call.CallConnection;
import dev.acsemulator.call.CallError;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.ResultInformation;
import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.EventHeader;
import dev.acsemulator.call.event.TranscriptionUpdate;
import dev.acsemulator.call.media.PersonInput;
import dev.acsemulator.runtime.Lane;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The transcription of one call connection; lives on the call's lane (docs/side-channels.md B,
 * call-automation-behaviour.md §2.18).
 *
 * <p>Started (by StartTranscription, or by {@code startTranscription} once the connection is connected), it connects
 * to the options' {@code transportUrl}; once the socket is open the connection gets TranscriptionStarted and the
 * socket TranscriptionMetadata. From then on every phrase a simulated person says is sent as it is heard: with
 * {@code enableIntermediateResults}, an Intermediate result as each word but the last is said, then a Final with
 * all the words when the phrase ends ({@link SpokenWords} times them). Update sends a new TranscriptionMetadata with
 * the new locale or model and TranscriptionUpdated (echoing the start's operationContext, as recorded); stop closes
 * the socket, drops the results not yet sent and sends TranscriptionStopped. The end of the call closes the socket.
 */
public final class Transcription {

    /** The confidence of a Final result. Intermediate results carry 0, as Azure Speech's hypotheses do. */
    public static final double FINAL_CONFIDENCE = 0.95;

    private final CallConnection connection;
    private final Call call;
    private final TranscriptionSettings settings;
    private final TranscriptSockets sockets;
    private final Clock clock;
    private TranscriptionState state = TranscriptionState.NOT_STARTED;
    private String locale;
    private String speechModelEndpointId;
    private String startContext;
    private String startCallbackUri;
    private String subscriptionId;
    private boolean connectedBefore;
    /** What GetCall shows, read off the lane: replaced whole on every change of state, id or locale. */
    private volatile TranscriptionSubscription subscription;
    private Instant startedAt;
    private TranscriptSockets.TranscriptSocket socket;
    private Lane.Cancellable listening = Lane.Cancellable.NONE;
    private final List<Lane.Cancellable> pending = new ArrayList<>();
    private final List<TranscriptLine> transcript = new ArrayList<>();

    Transcription(CallConnection connection, TranscriptionSettings settings, TranscriptSockets sockets, Clock clock) {
        this.connection = connection;
        this.call = connection.call();
        this.settings = settings;
        this.sockets = sockets;
        this.clock = clock;
        this.locale = settings == null || settings.locale() == null ? TranscriptionLocales.DEFAULT
                : TranscriptionLocales.supported(settings.locale()).orElse(TranscriptionLocales.DEFAULT);
        this.speechModelEndpointId = settings == null ? null : settings.speechModelEndpointId();
        this.subscriptionId = call.ids().guid();
        publishSubscription();
        call.whenEnded(this::callEnded);
    }

    /** StartTranscription (or {@code startTranscription}): refused while it runs; its outcome arrives as events. */
    void start(TranscriptionRequest request) {
        if (isRunning()) {
            throw new CallActionException(CallError.TRANSCRIPTION_ALREADY_RUNNING,
                    "Transcription of call connection " + connection.callConnectionId() + " is already running.");
        }
        if (request.locale() != null) {
            locale = supportedLocale(request.locale());
        }
        if (request.speechModelEndpointId() != null) {
            speechModelEndpointId = request.speechModelEndpointId();
        }
        startContext = request.operationContext();
        startCallbackUri = request.operationCallbackUri();
        transitionTo(TranscriptionState.CONNECTING, "start in " + locale);
        if (connection.cognitiveServicesEndpoint() == null) {
            call.lane().execute(() -> fail(TranscriptionResults.SPEECH_NOT_LINKED, "speechServicesConnectionError"));
            return;
        }
        if (settings == null || settings.transportUrl() == null) {
            call.lane().execute(() -> fail(TranscriptionResults.NO_TRANSPORT_URL, "streamUrlMissing"));
            return;
        }
        sockets.open(URI.create(settings.transportUrl()), connection.callConnectionId(), call.correlationId(),
                        () -> call.lane().execute(this::dropped))
                .whenComplete((opened, failure) -> call.lane().execute(() -> connected(opened, failure)));
    }

    /** UpdateTranscription: a new locale or model for what follows; refused unless it runs. */
    void update(TranscriptionRequest request) {
        if (state != TranscriptionState.ACTIVE) {
            throw notRunning("updated");
        }
        if (request.locale() != null) {
            locale = supportedLocale(request.locale());
        }
        if (request.speechModelEndpointId() != null) {
            speechModelEndpointId = request.speechModelEndpointId();
        }
        publishSubscription();
        call.journal().record("transcription", connection.callConnectionId(), "updated to " + locale);
        socket.send(metadata());
        call.emit(new CallEvent.TranscriptionUpdated(header(startContext, request.operationCallbackUri(),
                TranscriptionResults.COMPLETED), new TranscriptionUpdate("transcriptionUpdated",
                "transcriptionLocaleUpdated")));
    }

    /** StopTranscription: refused unless it runs (or is connecting). */
    void stop(TranscriptionRequest request) {
        if (!isRunning()) {
            throw notRunning("stopped");
        }
        halt();
        transitionTo(TranscriptionState.STOPPED, "stopped");
        call.emit(new CallEvent.TranscriptionStopped(header(request.operationContext(),
                request.operationCallbackUri(), TranscriptionResults.COMPLETED),
                new TranscriptionUpdate("transcriptionStopped", "subscriptionStopped")));
    }

    private void connected(TranscriptSockets.TranscriptSocket opened, Throwable failure) {
        if (state != TranscriptionState.CONNECTING) {
            if (opened != null) {
                opened.close(); // stopped, or the call ended, while connecting
            }
            return;
        }
        if (failure != null) {
            fail(TranscriptionResults.SOCKET_NOT_CONNECTED, "streamConnectionUnsuccessful");
            return;
        }
        socket = opened;
        if (connectedBefore) {
            subscriptionId = call.ids().guid();
        }
        connectedBefore = true;
        startedAt = clock.instant();
        transitionTo(TranscriptionState.ACTIVE, "socket open");
        call.emit(new CallEvent.TranscriptionStarted(header(startContext, startCallbackUri,
                TranscriptionResults.COMPLETED), new TranscriptionUpdate("transcriptionStarted",
                "subscriptionStarted")));
        socket.send(metadata());
        listening = call.listen(this::heard);
    }

    private void dropped() {
        if (state == TranscriptionState.ACTIVE) {
            socket = null;
            fail(TranscriptionResults.SOCKET_DROPPED, "streamConnectionInterrupted");
        }
    }

    private void fail(ResultInformation result, String details) {
        if (state == TranscriptionState.ENDED || state == TranscriptionState.STOPPED) {
            return;
        }
        halt();
        transitionTo(TranscriptionState.FAILED, details);
        call.emit(new CallEvent.TranscriptionFailed(header(startContext, startCallbackUri, result),
                new TranscriptionUpdate("transcriptionFailed", details)));
    }

    private void callEnded() {
        halt();
        if (state != TranscriptionState.ENDED) {
            transitionTo(TranscriptionState.ENDED, "call ended");
        }
    }

    /** Stops listening, drops what was not yet sent and closes the socket. */
    private void halt() {
        listening.cancel();
        listening = Lane.Cancellable.NONE;
        pending.forEach(Lane.Cancellable::cancel);
        pending.clear();
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }

    /** A person said something: its results are scheduled at the times its words are heard. */
    private void heard(Identifier person, PersonInput input) {
        input.match(tones -> null, speech -> {
            long offset = SpokenWords.ticks(Duration.between(startedAt, clock.instant()));
            SpokenWords words = SpokenWords.of(speech.phrase(), offset);
            if (settings.enableIntermediateResults()) {
                for (int count = 1; count < words.size(); count++) {
                    int soFar = count;
                    schedule(words.heardAfter(count), () -> send(intermediate(words, soFar, person)));
                }
            }
            schedule(words.heardAfter(words.size()), () -> {
                TranscriptFrame.Data result = new TranscriptFrame.Data(words.displayText(), FINAL_CONFIDENCE,
                        offset, words.durationTicks(), words.words(), person.rawId(),
                        TranscriptFrame.ResultStatus.FINAL);
                transcript.add(new TranscriptLine(person.rawId(), result.text(), offset, words.durationTicks()));
                send(result);
            });
            return null;
        });
    }

    private static TranscriptFrame.Data intermediate(SpokenWords words, int count, Identifier person) {
        List<TranscriptFrame.Word> heard = words.words().subList(0, count);
        TranscriptFrame.Word last = heard.get(count - 1);
        long offset = heard.get(0).offsetTicks();
        return new TranscriptFrame.Data(words.textSoFar(count), 0, offset,
                last.offsetTicks() + last.durationTicks() - offset, heard, person.rawId(),
                TranscriptFrame.ResultStatus.INTERMEDIATE);
    }

    private void schedule(Duration delay, Runnable task) {
        Lane.Cancellable[] handle = new Lane.Cancellable[1];
        handle[0] = call.lane().schedule(delay, () -> {
            pending.remove(handle[0]);
            task.run();
        });
        pending.add(handle[0]);
    }

    private void send(TranscriptFrame frame) {
        if (state == TranscriptionState.ACTIVE && socket != null) {
            socket.send(frame);
        }
    }

    private TranscriptFrame.Metadata metadata() {
        return new TranscriptFrame.Metadata(subscriptionId, locale.toLowerCase(java.util.Locale.ROOT), connection.callConnectionId(),
                call.correlationId(), speechModelEndpointId);
    }

    /**
     * The single way to change state: checks {@link TranscriptionState#legalPredecessors()} and journals the change.
     * An illegal transition is a bug.
     */
    private void transitionTo(TranscriptionState target, String cause) {
        if (!target.legalPredecessors().contains(state)) {
            throw new IllegalStateException("Transcription of " + connection.callConnectionId() + " cannot go from "
                    + state + " to " + target + " (" + cause + ")");
        }
        call.journal().record("transcription", connection.callConnectionId(),
                state + " -> " + target + " (" + cause + ")");
        state = target;
        publishSubscription();
    }

    private void publishSubscription() {
        subscription = new TranscriptionSubscription(subscriptionId, TranscriptionSubscription.of(state),
                settings != null && settings.enableIntermediateResults()
                        ? TranscriptionSubscription.FINAL_AND_INTERMEDIATE : TranscriptionSubscription.FINAL_ONLY,
                locale);
    }

    /** The subscription as GetCall shows it; safe to read from any thread. */
    public TranscriptionSubscription subscription() {
        return subscription;
    }

    private boolean isRunning() {
        return state == TranscriptionState.CONNECTING || state == TranscriptionState.ACTIVE;
    }

    private CallActionException notRunning(String action) {
        return new CallActionException(CallError.TRANSCRIPTION_NOT_RUNNING, "Transcription of call connection "
                + connection.callConnectionId() + " is not running and cannot be " + action + ".");
    }

    static String supportedLocale(String requested) {
        return TranscriptionLocales.supported(requested).orElseThrow(() -> new CallActionException(
                CallError.INVALID_REQUEST, "locale '" + requested + "' is not a locale transcription supports."));
    }

    private EventHeader header(String operationContext, String operationCallbackUri, ResultInformation result) {
        return call.header(connection, operationContext, operationCallbackUri, result);
    }

    public TranscriptionState state() {
        return state;
    }

    public String locale() {
        return locale;
    }

    /** The Final results so far, in the order they were heard (kept across stops and restarts). */
    public List<TranscriptLine> transcript() {
        return List.copyOf(transcript);
    }

    CallConnection connection() {
        return connection;
    }
}
