package dev.acsemulator.call.media;

import dev.acsemulator.call.Call;
import dev.acsemulator.call.CallConnection;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.ResultInformation;
import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.EventHeader;
import dev.acsemulator.call.event.Recognition;
import dev.acsemulator.runtime.Lane;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One recognize request on its way through a call (call-automation-behaviour.md §2.14, §2.21, §2.22), on the call's
 * lane:
 * <ol>
 *   <li>its turn comes ({@link CallMedia} queues it behind the operations before it); from then on the target is
 *       listened to, and {@link PromptedPeople} is told so a scripted person can answer;</li>
 *   <li>its prompts are prepared like a play's sources and heard by the target, in order, with no PlayCompleted
 *       and, but at the api-versions of {@link RecognizePromptEvents}, no PlayStarted; a prompt that cannot play
 *       fails it with RecognizeFailed 500/8511 and its index;</li>
 *   <li>input while a prompt plays stops the prompt and counts only with {@code interruptPrompt}; without it the
 *       input is ignored, as the person talked over the prompt;</li>
 *   <li>once the prompts are over the initial silence timer runs (RecognizeFailed 400/8510); input ends it as its
 *       type says: keys up to the maximum (8531), a stop tone (8514) or the inter-tone timeout (RecognizeCompleted
 *       400/8532 with the keys so far); a choice by phrase or tone (8545) or none (RecognizeFailed 8547); words
 *       followed by the end silence (8569).</li>
 * </ol>
 * Every timer runs on the call's lane and the injected clock. A fault rule that strikes it when its turn comes
 * ({@link InjectedMediaFailures}) fails it at once with RecognizeFailed and the rule's result, with no prompt heard.
 */
public final class RecognizeOperation implements MediaOperation {

    private final CallConnection connection;
    private final RecognizeRequest request;
    private final SourcePreparer preparer;
    private final Clock clock;
    private final CallMedia media;
    private final PromptedPeople people;
    private final boolean onSubLeg;
    private final int ordinal;
    private final InjectedMediaFailures failures;
    private RecognizeState state = RecognizeState.QUEUED;
    private List<PreparedSource> prompts = List.of();
    /** The one timer running: the prompt's end, the initial silence, the inter-tone or the end-silence timeout. */
    private Lane.Cancellable timer = Lane.Cancellable.NONE;
    private Lane.Cancellable listening = Lane.Cancellable.NONE;
    private List<CallMedia.Hearing> hearing = List.of();
    private final List<DtmfTone> tones = new ArrayList<>();
    private final List<String> words = new ArrayList<>();

    RecognizeOperation(CallConnection connection, RecognizeRequest request, SourcePreparer preparer, Clock clock,
                       CallMedia media, PromptedPeople people, boolean onSubLeg, int ordinal,
                       InjectedMediaFailures failures) {
        this.failures = failures;
        this.connection = connection;
        this.request = request;
        this.preparer = preparer;
        this.clock = clock;
        this.media = media;
        this.people = people;
        this.onSubLeg = onSubLeg;
        this.ordinal = ordinal;
    }

    public RecognizeState state() {
        return state;
    }

    public RecognizeRequest request() {
        return request;
    }

    @Override
    public String kind() {
        return "recognize";
    }

    @Override
    public String stateName() {
        return state.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String operationContext() {
        return request.operationContext();
    }

    @Override
    public CallConnection connection() {
        return connection;
    }

    @Override
    public boolean onSubLeg() {
        return onSubLeg;
    }

    /** Its turn came: listen to the target, tell the world, prepare the prompts. */
    @Override
    public void start() {
        transitionTo(RecognizeState.PREPARING, "its turn came");
        java.util.Optional<ResultInformation> injected = failures.failureOf(new MediaStart(MediaStart.RECOGNIZE,
                connection, request.targetParticipant(), RecognizeResults.PROMPT_FAILED));
        if (injected.isPresent()) {
            fail(injected.get(), null, "a fault rule failed it"); // before the person is asked: nobody hears a prompt
            return;
        }
        listening = call().listen(this::heard);
        people.askedForInput(call(), request.targetParticipant(), ordinal);
        if (state != RecognizeState.PREPARING) {
            return; // the person's answer (or hang-up) came at once and ended it
        }
        if (request.prompts().isEmpty()) {
            startListening("no prompt");
            return;
        }
        preparer.prepareAll(request.prompts(), call().lane(), this::prepared);
    }

    private void prepared(List<PreparedSource> sources) {
        if (state != RecognizeState.PREPARING) {
            return; // interrupted, cancelled or ended while its prompts were on their way
        }
        prompts = sources;
        if (!sources.get(0).playable()) {
            promptFailed(0);
            return;
        }
        transitionTo(RecognizeState.PROMPTING, "prompts ready");
        if (RecognizePromptEvents.sendsPlayStarted(connection.apiVersion())) {
            call().emit(new CallEvent.PlayStarted(header(RecognizePromptEvents.PROMPT_STARTED)));
        }
        prompt(0);
    }

    private void prompt(int index) {
        PreparedSource prompt = prompts.get(index);
        if (!prompt.playable()) {
            promptFailed(index);
            return;
        }
        if (index > 0 && RecognizePromptEvents.sendsPlayStarted(connection.apiVersion())
                && PlayStartedPerSource.at(connection.apiVersion())) {
            call().emit(new CallEvent.PlayStarted(header(RecognizePromptEvents.PROMPT_STARTED)));
        }
        hearing = media.startHearing(this, index, request.prompts().get(index), prompt.audio(),
                List.of(request.targetParticipant()), clock.instant());
        timer = call().lane().schedule(prompt.duration(), () -> promptHeard(index));
    }

    private void promptHeard(int index) {
        if (state != RecognizeState.PROMPTING) {
            return;
        }
        stopHearing(HeardPrompt.Ending.COMPLETED);
        if (index + 1 < prompts.size()) {
            prompt(index + 1);
        } else {
            startListening("prompts heard");
        }
    }

    private void promptFailed(int index) {
        call().journal().record("media", connection.callConnectionId(),
                "recognize prompt " + index + " failed: " + prompts.get(index).detail());
        fail(RecognizeResults.PROMPT_FAILED, index, "prompt " + index);
    }

    private void startListening(String cause) {
        transitionTo(RecognizeState.LISTENING, cause);
        timer = call().lane().schedule(request.initialSilenceTimeout(), () -> {
            if (state == RecognizeState.LISTENING) {
                fail(RecognizeResults.INITIAL_SILENCE, null, "initial silence");
            }
        });
    }

    /** What someone in the call put into its audio; only the target's input of the kinds it listens for counts. */
    private void heard(Identifier person, PersonInput input) {
        if (state.isFinal() || !person.equals(request.targetParticipant()) || !listensFor(input)) {
            return;
        }
        if (state != RecognizeState.LISTENING) {
            if (!request.interruptPrompt()) {
                call().journal().record("media", connection.callConnectionId(),
                        "recognize ignored input during its prompt (no interruptPrompt): " + input.describe());
                return;
            }
            timer.cancel();
            stopHearing(HeardPrompt.Ending.CUT_OFF);
            transitionTo(RecognizeState.LISTENING, "the prompt was interrupted");
        }
        timer.cancel();
        input.match(keys -> {
            for (DtmfTone tone : keys.tones()) {
                if (state == RecognizeState.LISTENING) {
                    pressed(tone);
                }
            }
            return null;
        }, speech -> {
            said(speech.phrase());
            return null;
        });
    }

    private boolean listensFor(PersonInput input) {
        RecognizeInputType type = request.inputType();
        return input.match(keys -> type.hearsTones() && words.isEmpty(), speech -> type.hearsSpeech()
                && tones.isEmpty());
    }

    private void pressed(DtmfTone tone) {
        if (request.inputType() == RecognizeInputType.CHOICES) {
            for (RecognizeChoice choice : request.choices()) {
                if (tone == choice.tone()) {
                    complete(new Recognition.Choice(choice.label(), null), RecognizeResults.CHOICE_MATCHED);
                    return;
                }
            }
            fail(RecognizeResults.NO_CHOICE_MATCHED, null, "no choice has tone " + tone.wireName());
            return;
        }
        if (request.stopTones().contains(tone)) {
            complete(dtmf(), RecognizeResults.STOP_TONE);
        } else {
            tones.add(tone);
            if (tones.size() >= request.maxTonesToCollect()) {
                complete(dtmf(), RecognizeResults.MAX_TONES);
            } else {
                timer = call().lane().schedule(request.interToneTimeout(), () -> {
                    if (state == RecognizeState.LISTENING) {
                        complete(dtmf(), RecognizeResults.INTER_TONE_TIMEOUT);
                    }
                });
            }
        }
    }

    private void said(String phrase) {
        if (request.inputType() == RecognizeInputType.CHOICES) {
            for (RecognizeChoice choice : request.choices()) {
                if (choice.matches(phrase)) {
                    complete(new Recognition.Choice(choice.label(), phrase), RecognizeResults.CHOICE_MATCHED);
                    return;
                }
            }
            fail(RecognizeResults.NO_CHOICE_MATCHED, null, "no choice has the phrase \"" + phrase + "\"");
            return;
        }
        words.add(phrase);
        timer = call().lane().schedule(request.endSilenceTimeout(), () -> {
            if (state == RecognizeState.LISTENING) {
                complete(new Recognition.Speech(String.join(" ", words)), RecognizeResults.SPEECH_RECOGNIZED);
            }
        });
    }

    private Recognition dtmf() {
        return new Recognition.Dtmf(tones.stream().map(DtmfTone::wireName).toList());
    }

    private void complete(Recognition recognition, ResultInformation result) {
        finish(RecognizeState.COMPLETED, new CallEvent.RecognizeCompleted(header(result), recognition),
                "recognized " + recognition);
    }

    private void fail(ResultInformation result, Integer failedPromptIndex, String cause) {
        finish(RecognizeState.FAILED, new CallEvent.RecognizeFailed(header(result), failedPromptIndex), cause);
    }

    /** CancelAllMediaOperations or a barge-in: RecognizeCanceled, whatever it was doing. */
    @Override
    public void cancel() {
        if (state.isFinal()) {
            return;
        }
        finish(RecognizeState.CANCELED, new CallEvent.RecognizeCanceled(header(MediaResults.CANCELED)), "canceled");
    }

    /** The call or the application's leg ended: the prompt stops and, as after CallDisconnected, nothing is sent. */
    @Override
    public void endWithCall() {
        if (state.isFinal()) {
            return;
        }
        finish(RecognizeState.ENDED_WITH_CALL, null, "the call ended");
    }

    private void finish(RecognizeState end, CallEvent event, String cause) {
        timer.cancel();
        listening.cancel();
        stopHearing(HeardPrompt.Ending.CUT_OFF);
        transitionTo(end, cause);
        if (event != null && connection.isActive()) {
            call().emit(event);
        }
        media.finished(this);
    }

    private void stopHearing(HeardPrompt.Ending ending) {
        hearing = CallMedia.Hearing.stopAll(hearing, clock.instant(), ending);
    }

    private void transitionTo(RecognizeState target, String cause) {
        state = MediaTransitions.move(call(), connection.callConnectionId(), "recognize", state, target,
                target.legalPredecessors(), cause);
    }

    private EventHeader header(ResultInformation result) {
        return call().header(connection, request.operationContext(), request.operationCallbackUri(), result);
    }

    private Call call() {
        return connection.call();
    }
}
