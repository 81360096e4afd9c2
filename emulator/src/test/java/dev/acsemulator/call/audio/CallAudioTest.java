package dev.acsemulator.call.audio;

import static dev.acsemulator.call.audio.AudioMeasures.pcm;
import static dev.acsemulator.call.audio.AudioMeasures.power;
import static dev.acsemulator.call.audio.AudioMeasures.rms;
import static dev.acsemulator.call.audio.AudioMeasures.sawTooth;
import static dev.acsemulator.call.audio.AudioMeasures.wavSamples;
import static org.assertj.core.api.Assertions.assertThat;

import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.media.DtmfTone;
import dev.acsemulator.call.media.PcmAudio;
import dev.acsemulator.call.media.PersonInput;
import dev.acsemulator.call.media.Wavs;
import dev.acsemulator.runtime.Lane;
import dev.acsemulator.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audio timeline of a call on its own: what people say, what the application streams to them, and its bound. */
class CallAudioTest {

    private static final Identifier ALICE = Identifier.communicationUser("8:acs:res_alice");
    private static final Identifier BOB = Identifier.communicationUser("8:acs:res_bob");
    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");
    private final SettableClock clock = new SettableClock(START);
    private final KnownCallTimes times = new KnownCallTimes(clock);
    private final CallAudio audio = new CallAudio(clock, times);

    @Test
    void eachKeyOfAPressIsItsDualToneOneAfterAnotherAtBothRates() {
        audio.said(ALICE, new PersonInput.Tones(List.of(DtmfTone.ONE, DtmfTone.NINE)));

        for (AudioRate rate : AudioRate.values()) {
            int hz = rate.hertz();
            short[] said = audio.said(ALICE, START, Duration.ofMillis(300), rate).samples();
            int tone = hz / 10; // 100 ms
            assertThat(power(said, 0, tone, 697, hz)).as("1's row tone at " + hz)
                    .isGreaterThan(100 * power(said, 0, tone, 852, hz));
            assertThat(power(said, 0, tone, 1209, hz)).isGreaterThan(100 * power(said, 0, tone, 1477, hz));
            assertThat(rms(said, tone, hz / 20)).as("the 50 ms gap").isZero();
            int nine = tone + hz / 20;
            assertThat(power(said, nine, tone, 852, hz)).as("9's row tone")
                    .isGreaterThan(100 * power(said, nine, tone, 697, hz));
            assertThat(power(said, nine, tone, 1477, hz)).isGreaterThan(100 * power(said, nine, tone, 1209, hz));
            assertThat(rms(said, nine + tone, said.length - nine - tone)).as("silence after the press").isZero();
        }
        assertThat(audio.said(BOB, START, Duration.ofMillis(300), AudioRate.KHZ_16).silent()).isTrue();
        assertThat(audio.heard(ALICE, START, Duration.ofMillis(300), AudioRate.KHZ_16).silent())
                .as("a person does not hear their own keys from the application").isTrue();
    }

    @Test
    void aBarePhraseIsASyntheticVoiceOfItsSpokenLengthThatRisesAndFallsWithItsSyllables() {
        audio.said(ALICE, new PersonInput.Speech("I would like to pay my bill"));
        Duration spoken = Duration.ofMillis(7 * 400);

        short[] said = audio.said(ALICE, START, spoken.plusSeconds(1), AudioRate.KHZ_16).samples();

        int words = 7 * 6_400;
        assertThat(rms(said, 0, words)).as("a talker's level").isBetween(1_000.0, 12_000.0);
        assertThat(rms(said, words, 16_000)).as("silence once the phrase is said").isZero();
        for (int word = 0; word < 7; word++) {
            int start = word * 6_400;
            assertThat(rms(said, start + 5_120, 1_280)).as("the pause after word " + word).isZero();
            assertThat(rms(said, start, 5_120)).as("word " + word + " sounds").isGreaterThan(500);
        }
        assertThat(power(said, 0, 5_120, 200, 16_000) + power(said, 0, 5_120, 4_500, 16_000))
                .as("its energy lies in the voice band, below 3.5 kHz")
                .isLessThan(rms(said, 0, 5_120) * rms(said, 0, 5_120) * 5_120 * 5_120);
        short[] again = newTimeline().allSaid(START, spoken, AudioRate.KHZ_16).samples();
        CallAudio other = newTimeline();
        other.said(BOB, new PersonInput.Speech("I would like to pay my bill"));
        assertThat(other.said(BOB, START, spoken, AudioRate.KHZ_16).samples()).as("the same phrase, the same voice")
                .isEqualTo(Arrays.copyOf(said, words));
        assertThat(again).as("nobody spoke in an empty call").containsOnly((short) 0);
    }

    @Test
    void aPhraseGivenWithARecordingIsSpokenWithItsSamplesAtItsRateForItsLength() {
        short[] voice = sawTooth(0, 24_000 / 2);
        PcmAudio recorded = PcmAudio.ofVoice(Wavs.wav(1, 1, 24_000, 16, pcm(voice))).orElseThrow();
        clock.set(START.plusMillis(100));
        audio.said(ALICE, new PersonInput.Speech("yes", recorded));

        short[] at24 = audio.said(ALICE, START, Duration.ofSeconds(1), AudioRate.KHZ_24).samples();
        short[] at16 = audio.said(ALICE, START, Duration.ofSeconds(1), AudioRate.KHZ_16).samples();

        assertThat(Arrays.copyOfRange(at24, 2_400, 2_400 + voice.length)).isEqualTo(voice);
        assertThat(rms(at24, 0, 2_400)).as("before it was said").isZero();
        assertThat(rms(at24, 2_400 + voice.length, 24_000 - 2_400 - voice.length)).as("after its 500 ms").isZero();
        assertThat(at16[1_600 + 2]).as("16 kHz reads the 24 kHz samples at 1.5 times the step")
                .isEqualTo(voice[3]);
        assertThat(rms(at16, 1_600 + 8_000, 16_000 - 9_600)).isZero();
    }

    @Test
    void streamedAudioIsHeardByItsListenersAndAChunkArrivingWhileOneStillPlaysQueuesBehindIt() {
        short[] first = sawTooth(0, 1_600);
        short[] second = sawTooth(1_600, 1_600);
        audio.streamedIn(List.of(ALICE), START, AudioRate.KHZ_16, pcm(first));
        audio.streamedIn(List.of(ALICE), START.plusMillis(20), AudioRate.KHZ_16, pcm(second));

        short[] heard = audio.heard(ALICE, START, Duration.ofMillis(300), AudioRate.KHZ_16).samples();

        assertThat(Arrays.copyOfRange(heard, 0, 3_200)).isEqualTo(sawTooth(0, 3_200));
        assertThat(rms(heard, 3_200, 1_600)).isZero();
        assertThat(audio.heard(BOB, START, Duration.ofMillis(300), AudioRate.KHZ_16).silent()).isTrue();
        assertThat(audio.said(ALICE, START, Duration.ofMillis(300), AudioRate.KHZ_16).silent()).isTrue();
    }

    @Test
    void streamedAudioAfterABreakStartsWhenItArrivesAndStopAudioDropsWhatWasStillToPlay() {
        audio.streamedIn(List.of(ALICE, BOB), START, AudioRate.KHZ_24, pcm(sawTooth(0, 2_400)));
        audio.streamedIn(List.of(ALICE, BOB), START.plusMillis(500), AudioRate.KHZ_24, pcm(sawTooth(0, 24_000)));
        audio.stopStreamedAudio(START.plusMillis(600));

        short[] heard = audio.heard(BOB, START, Duration.ofSeconds(2), AudioRate.KHZ_24).samples();

        assertThat(Arrays.copyOfRange(heard, 0, 2_400)).isEqualTo(sawTooth(0, 2_400));
        assertThat(rms(heard, 2_400, 12_000 - 2_400)).as("the break").isZero();
        assertThat(Arrays.copyOfRange(heard, 12_000, 14_400)).as("100 ms from 500 ms on")
                .isEqualTo(sawTooth(0, 2_400));
        assertThat(rms(heard, 14_400, heard.length - 14_400)).as("stopped at 600 ms").isZero();
        assertThat(audio.heard(ALICE, START, Duration.ofSeconds(2), AudioRate.KHZ_24).samples()).isEqualTo(heard);
    }

    @Test
    void consecutiveTwentyMillisecondWindowsJoinIntoTheWholeWithoutASeam() {
        clock.set(START.plusNanos(123_456));
        audio.said(ALICE, new PersonInput.Tones(List.of(DtmfTone.FIVE)));
        audio.said(BOB, new PersonInput.Speech("hello there"));

        for (AudioRate rate : AudioRate.values()) {
            short[] whole = audio.allSaid(START, Duration.ofSeconds(1), rate).samples();
            short[] joined = new short[whole.length];
            int frame = rate.hertz() / 50;
            for (int window = 0; window < 50; window++) {
                short[] part = audio.allSaid(START.plusMillis(20L * window), Duration.ofMillis(20), rate).samples();
                assertThat(part).hasSize(frame);
                System.arraycopy(part, 0, joined, window * frame, frame);
            }
            assertThat(joined).as("at " + rate).isEqualTo(whole);
            assertThat(rms(whole, 0, frame)).isGreaterThan(0);
        }
    }

    @Test
    void everyonesSpeechMixedIsTheSumOfWhatEachSaid() {
        audio.said(ALICE, new PersonInput.Tones(List.of(DtmfTone.ONE)));
        audio.said(BOB, new PersonInput.Speech("billing"));

        short[] alice = audio.said(ALICE, START, Duration.ofMillis(100), AudioRate.KHZ_16).samples();
        short[] bob = audio.said(BOB, START, Duration.ofMillis(100), AudioRate.KHZ_16).samples();
        short[] all = audio.allSaid(START, Duration.ofMillis(100), AudioRate.KHZ_16).samples();

        for (int i = 0; i < all.length; i++) {
            assertThat(Math.abs(all[i] - (alice[i] + bob[i]))).as("sample " + i).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void soundsThatEndedLongerAgoThanItKeepsAreLetGoUnlessAReaderHoldsThem() {
        times.joined(ALICE);
        audio.said(ALICE, new PersonInput.Tones(List.of(DtmfTone.ONE)));
        Lane.Cancellable hold = audio.keepFrom(START);
        clock.set(START.plus(CallAudio.KEPT).plusSeconds(1));
        audio.said(ALICE, new PersonInput.Tones(List.of(DtmfTone.TWO)));

        assertThat(audio.spans(START, clock.instant().plusSeconds(1))).as("held by a recording").hasSize(2);

        hold.cancel();
        audio.said(BOB, new PersonInput.Tones(List.of(DtmfTone.THREE)));
        assertThat(audio.spans(START, clock.instant().plusSeconds(1))).extracting(Span::person)
                .containsExactly(ALICE, BOB);
        assertThat(audio.said(ALICE, START, Duration.ofMillis(100), AudioRate.KHZ_16).silent()).isTrue();
        clock.set(clock.instant().plusSeconds(1));
        short[] heard = wavSamples(audio.heardAsWav(ALICE).orElseThrow());
        assertThat(heard).as("what she heard reaches back at most as far as the timeline keeps")
                .hasSize((int) AudioRate.KHZ_16.samplesIn(CallAudio.KEPT));
    }

    @Test
    void streamedAudioIsLetGoChunkByChunkOnceOlderThanItKeeps() {
        for (int second = 0; second < CallAudio.KEPT.toSeconds() + 5; second++) {
            clock.set(START.plusSeconds(second));
            audio.streamedIn(List.of(ALICE), clock.instant(), AudioRate.KHZ_16, pcm(sawTooth(second, 16_000)));
        }
        Instant now = clock.instant();

        assertThat(audio.heard(ALICE, START, Duration.ofSeconds(1), AudioRate.KHZ_16).silent()).isTrue();
        assertThat(audio.heard(ALICE, now, Duration.ofSeconds(1), AudioRate.KHZ_16).samples())
                .isEqualTo(sawTooth((int) CallAudio.KEPT.toSeconds() + 4, 16_000));
    }

    @Test
    void streamedAudioKeptForARecordingStaysWhenTheTimelineLetsItGo() {
        audio.streamedIn(List.of(ALICE, BOB), START, AudioRate.KHZ_16, pcm(sawTooth(0, 16_000)));
        clock.set(START.plusSeconds(1));
        List<Span> kept = audio.spansToKeep(START, clock.instant());

        clock.set(START.plus(CallAudio.KEPT).plusSeconds(5));
        audio.streamedIn(List.of(ALICE, BOB), clock.instant(), AudioRate.KHZ_16, pcm(sawTooth(0, 160)));

        assertThat(audio.heard(ALICE, START, Duration.ofSeconds(1), AudioRate.KHZ_16).silent())
                .as("the timeline let it go").isTrue();
        assertThat(kept).hasSize(2);
        assertThat(kept.get(0).signal()).as("one signal for both listeners").isSameAs(kept.get(1).signal());
        assertThat(Mixer.render(List.of(kept.get(0)), START, 16_000, AudioRate.KHZ_16)).isEqualTo(sawTooth(0, 16_000));
    }

    @Test
    void whatAPersonHeardIsAWavFromWhenTheyJoinedUntilTheCallEnded() {
        clock.set(START.plusSeconds(1));
        times.joined(BOB);
        audio.streamedIn(List.of(BOB), START.plusSeconds(2), AudioRate.KHZ_16, pcm(sawTooth(0, 8_000)));
        clock.set(START.plusSeconds(4));
        times.end();
        audio.callEnded();
        clock.set(START.plusSeconds(60));

        byte[] wav = audio.heardAsWav(BOB).orElseThrow();

        assertThat(new String(wav, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        short[] samples = wavSamples(wav);
        assertThat(samples).hasSize(3 * 16_000);
        assertThat(rms(samples, 0, 16_000)).isZero();
        assertThat(Arrays.copyOfRange(samples, 16_000, 24_000)).isEqualTo(sawTooth(0, 8_000));
        assertThat(rms(samples, 24_000, 24_000)).isZero();
        assertThat(audio.heardAsWav(ALICE)).as("never in the call").isEmpty();
    }

    private static CallAudio newTimeline() {
        SettableClock clock = new SettableClock(START);
        return new CallAudio(clock, new KnownCallTimes(clock));
    }
}
