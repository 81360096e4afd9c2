package dev.acsemulator.call.audio;

import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.media.CallMedia;
import dev.acsemulator.call.media.DtmfTone;
import dev.acsemulator.call.media.HeardSound;
import dev.acsemulator.call.media.PersonInput;
import dev.acsemulator.call.media.SendDtmfTonesOperation;
import dev.acsemulator.runtime.Lane;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The audio timeline of one call: every sound of the call, when it sounded, and who made or heard it. Lives on the
 * call's lane and reads the call's clock.
 *
 * <p>What it holds:
 * <ul>
 *   <li>what each simulated person says into the call ({@link Span.Kind#SAID}): each key they press, a DTMF dual
 *       tone ({@link KeyPresses}); each phrase they speak, in the voice they were given or the
 *       {@link SyntheticVoice} of the phrase;</li>
 *   <li>what the application plays to each participant ({@link Span.Kind#HEARD}): a play's or a recognize's WAV
 *       prompt and hold audio (as {@link CallMedia} reports each sound heard; text and SSML sound of nothing), each
 *       tone SendDtmfTones sends (250 ms, cut where the send was cut), and audio the application streams in
 *       ({@link #streamedIn}).</li>
 * </ul>
 * Nothing is rendered until asked: a window of what one person said ({@link #said}), heard ({@link #heard}), or of
 * everyone's speech mixed ({@link #allSaid}), at 16 or 24 kHz, is computed from the sounds' signals, so a long call
 * costs the memory of its sounds' descriptions, not of its audio; WAV prompts are the files the plays hold anyway.
 *
 * <p>The bound: what ended more than {@link #KEPT} ago is let go (streamed audio chunk by chunk), unless a reader
 * holds it ({@link #keepFrom}: a running recording keeps everything from its start until it stops). What a person
 * heard ({@link #heardAsWav}) reaches back at most {@link #KEPT}.
 */
public final class CallAudio {

    /** How long the timeline keeps what no reader holds. */
    public static final Duration KEPT = Duration.ofMinutes(10);

    private final Clock clock;
    /** When people joined and when the call ended: the call keeps them, the timeline reads them. */
    private final CallTimes times;
    private final List<Sound> sounds = new ArrayList<>();
    private final Map<StreamKey, StreamRun> streams = new HashMap<>(1);
    private final List<Instant> holds = new ArrayList<>(1);
    /**
     * Everything before this may have been let go; nothing was at first, however late the timeline was made (the
     * call makes it when its first sound or reader comes, but what a person heard counts from when they joined).
     */
    private Instant keptFrom = Instant.MIN;

    public CallAudio(Clock clock, CallTimes times) {
        this.clock = clock;
        this.times = times;
    }

    /** Starts hearing what {@code media} plays to the call's participants; the returned handle stops it. */
    public Lane.Cancellable listenTo(CallMedia media) {
        return media.watch(this::played);
    }

    /** {@code person} pressed keys or spoke, now: each key a dual tone, one after another; words in their voice. */
    public void said(Identifier person, PersonInput input) {
        Instant now = clock.instant();
        input.match(pressed -> {
            Instant at = now;
            for (DtmfTone tone : pressed.tones()) {
                add(Sound.lasting(Span.Kind.SAID, person, at, at.plus(KeyPresses.TONE), DualTone.of(tone)));
                at = at.plus(KeyPresses.TONE).plus(KeyPresses.GAP);
            }
            return null;
        }, spoken -> {
            Signal voice = spoken.recordedVoice().<Signal>map(recorded -> new FileSamples(recorded, false))
                    .orElseGet(() -> new SyntheticVoice(spoken.phrase()));
            add(Sound.lasting(Span.Kind.SAID, person, now, now.plus(spoken.spokenLength()), voice));
            return null;
        });
    }

    /** A participant started hearing something the application plays: its samples, or the tones sent to them. */
    private void played(HeardSound sound) {
        if (sound.audio() != null) {
            Optional<Instant> last = sound.looping() ? Optional.empty()
                    : Optional.of(sound.start().plus(sound.audio().duration()));
            add(new Sound(Span.Kind.HEARD, sound.listener(), sound.start(),
                    new FileSamples(sound.audio(), sound.looping()), () -> earliest(sound.end(), last)));
        }
        Duration step = SendDtmfTonesOperation.TONE.plus(SendDtmfTonesOperation.GAP);
        Instant at = sound.start();
        for (DtmfTone tone : sound.tones()) {
            Optional<Instant> toneEnd = Optional.of(at.plus(SendDtmfTonesOperation.TONE));
            add(new Sound(Span.Kind.HEARD, sound.listener(), at, DualTone.of(tone),
                    () -> earliest(sound.end(), toneEnd)));
            at = at.plus(step);
        }
    }

    /**
     * Audio the application streams into the call at {@code at} for {@code listeners} to hear: 16-bit little-endian
     * mono PCM at {@code rate} (an odd trailing byte is ignored). It plays from {@code at}, or, while earlier streamed
     * audio for the same listeners is still playing, right after it.
     */
    public void streamedIn(Collection<Identifier> listeners, Instant at, AudioRate rate, byte[] pcm) {
        StreamKey key = new StreamKey(Set.copyOf(listeners), rate);
        StreamRun run = streams.get(key);
        if (run == null || run.cut != null || run.end().isBefore(at)) {
            run = new StreamRun(at, new StreamedSamples(rate));
            streams.put(key, run);
            StreamRun playing = run;
            for (Identifier listener : new LinkedHashSet<>(listeners)) {
                add(new Sound(Span.Kind.HEARD, listener, at, playing.samples, () -> Optional.of(playing.end())));
            }
        }
        short[] samples = new short[pcm.length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
        }
        run.samples.append(samples);
        forgetOld();
    }

    /** The application stopped its streamed audio at {@code at} (StopAudio): what was still to play is dropped. */
    public void stopStreamedAudio(Instant at) {
        for (StreamRun run : streams.values()) {
            if (run.cut == null && run.end().isAfter(at)) {
                run.cut = at.isBefore(run.start) ? run.start : at;
            }
        }
    }

    /** The call ended now: nothing sounds after it, and what it heard stays as it is. */
    public void callEnded() {
        stopStreamedAudio(clock.instant());
    }

    /**
     * Keeps every sound from {@code from} on until the returned handle is cancelled, however long that is (a
     * recording keeps what its file will carry).
     */
    public Lane.Cancellable keepFrom(Instant from) {
        holds.add(from);
        return () -> holds.remove(from);
    }

    /** What {@code person} said into the call (keys and words) over the window. */
    public PcmWindow said(Identifier person, Instant from, Duration length, AudioRate rate) {
        return window(Span.Kind.SAID, person, from, length, rate);
    }

    /** What the application played to {@code person} over the window: prompts, hold audio, tones, streamed audio. */
    public PcmWindow heard(Identifier person, Instant from, Duration length, AudioRate rate) {
        return window(Span.Kind.HEARD, person, from, length, rate);
    }

    /** Everything the participants said over the window, mixed. */
    public PcmWindow allSaid(Instant from, Duration length, AudioRate rate) {
        return window(Span.Kind.SAID, null, from, length, rate);
    }

    /** The sounds that overlap {@code from} to {@code to}, as far as they sound before {@code to}, oldest first. */
    public List<Span> spans(Instant from, Instant to) {
        List<Span> spans = new ArrayList<>();
        for (Sound sound : sounds) {
            if (sound.start().isBefore(to)) {
                sound.until(to).filter(span -> span.end().isAfter(from)).ifPresent(spans::add);
            }
        }
        return spans;
    }

    /**
     * The same, settled for a reader that renders them later (a recording's file): streamed audio is taken as it is
     * now, so what the timeline lets go afterwards stays in them. A signal heard by several listeners stays one.
     */
    public List<Span> spansToKeep(Instant from, Instant to) {
        Map<StreamedSamples, StreamedSamples> settled = new java.util.IdentityHashMap<>();
        List<Span> spans = new ArrayList<>();
        for (Span span : spans(from, to)) {
            spans.add(span.signal() instanceof StreamedSamples streamed
                    ? new Span(span.kind(), span.person(), span.start(), span.end(),
                            settled.computeIfAbsent(streamed, StreamedSamples::snapshot))
                    : span);
        }
        return spans;
    }

    /**
     * What {@code person} heard from the application as a 16 kHz mono WAV file: from when they first joined until
     * now, or until the call's end, but reaching back at most {@link #KEPT} from there (and no further than the timeline
     * still keeps), so the file is at most 10 minutes long (19.2 MB); empty when they never joined the call.
     */
    public Optional<byte[]> heardAsWav(Identifier person) {
        Optional<Instant> joined = times.firstJoined(person);
        if (joined.isEmpty()) {
            return Optional.empty();
        }
        Instant joinedAt = joined.get();
        Instant to = times.ended().orElseGet(clock::instant);
        Instant from = latest(latest(joinedAt, keptFrom), to.minus(KEPT));
        List<Span> mine = spans(from, to).stream()
                .filter(span -> span.kind() == Span.Kind.HEARD && span.person().equals(person)).toList();
        return Optional.of(Wav.render(mine, from, to.isBefore(from) ? from : to, AudioRate.KHZ_16));
    }

    private PcmWindow window(Span.Kind kind, Identifier person, Instant from, Duration length, AudioRate rate) {
        Instant to = from.plus(length);
        List<Span> chosen = new ArrayList<>();
        for (Span span : spans(from, to)) {
            if (span.kind() == kind && (person == null || span.person().equals(person))) {
                chosen.add(span);
            }
        }
        return new PcmWindow(rate, Mixer.render(chosen, from, (int) rate.samplesIn(length), rate));
    }

    private void add(Sound sound) {
        sounds.add(sound);
        forgetOld();
    }

    /** Lets go of what ended before both {@link #KEPT} ago and the oldest hold; trims streams the same way. */
    private void forgetOld() {
        Instant cutoff = clock.instant().minus(KEPT);
        for (Instant hold : holds) {
            cutoff = hold.isBefore(cutoff) ? hold : cutoff;
        }
        if (!cutoff.isAfter(keptFrom)) {
            return;
        }
        Instant before = cutoff;
        sounds.removeIf(sound -> sound.end().filter(end -> !end.isAfter(before)).isPresent());
        streams.values().removeIf(run -> !run.end().isAfter(before));
        for (StreamRun run : streams.values()) {
            run.samples.forgetBefore(run.samples.rate().samplesIn(Duration.between(run.start, before)));
        }
        keptFrom = cutoff;
    }

    private static Instant latest(Instant one, Instant other) {
        return one.isAfter(other) ? one : other;
    }

    private static Optional<Instant> earliest(Optional<Instant> stopped, Optional<Instant> last) {
        if (stopped.isEmpty()) {
            return last;
        }
        return Optional.of(last.filter(l -> l.isBefore(stopped.get())).orElse(stopped.get()));
    }

    private record StreamKey(Set<Identifier> listeners, AudioRate rate) { }

    /** Streamed audio playing out without a break from {@code start}; cut short by StopAudio or the call's end. */
    private static final class StreamRun {
        private final Instant start;
        private final StreamedSamples samples;
        private Instant cut;

        StreamRun(Instant start, StreamedSamples samples) {
            this.start = start;
            this.samples = samples;
        }

        Instant end() {
            Instant natural = start.plus(samples.rate().durationOf(samples.length()));
            return cut != null && cut.isBefore(natural) ? cut : natural;
        }
    }
}
