package dev.acsemulator.call.audio;

import dev.acsemulator.call.media.SpokenDuration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The voice-like signal a simulated person speaks a phrase with when no recording of it was given. It is not speech,
 * but it has speech's shape, so a voice-activity detector, an energy meter or a model's turn detection sees a talker:
 * <ul>
 *   <li>it lasts the phrase's spoken length ({@link SpokenDuration#ofText}: 400 ms a word); each word sounds for its
 *       first 320 ms and is silent for the last 80 ms, the pause before the next word;</li>
 *   <li>a word is one to three syllables (its groups of vowels), each a rise and fall of loudness
 *       (sin²), so the level moves at a syllable rate of 3 to 10 Hz;</li>
 *   <li>a syllable is a harmonic tone on a fundamental of 95 to 154 Hz (chosen from the phrase, a little higher on
 *       some words for intonation) whose harmonics up to 3.5 kHz are shaped by the first three formants of the
 *       syllable's vowel (a, e, i, o, u; other letters a neutral vowel), peaking near a third of full scale.</li>
 * </ul>
 * It depends on nothing but the phrase: the same phrase always sounds the same.
 */
public final class SyntheticVoice implements Signal {

    static final Duration PER_WORD = Duration.ofMillis(400);
    static final Duration VOICED = Duration.ofMillis(320);
    private static final double PEAK = Short.MAX_VALUE / 3.0;
    private static final double HIGHEST_HARMONIC_HZ = 3_500;
    private static final double FORMANT_BANDWIDTH_HZ = 120;

    /** One syllable: when it sounds within its word (seconds), its fundamental and its harmonics' amplitudes. */
    private record Syllable(double from, double to, double fundamental, double[] amplitudes) { }

    private final String phrase;
    private final List<List<Syllable>> words;

    public SyntheticVoice(String phrase) {
        this.phrase = phrase;
        String[] tokens = phrase.trim().split("\\s+");
        double base = 95 + Math.floorMod(phrase.hashCode(), 60);
        List<List<Syllable>> all = new ArrayList<>(tokens.length);
        for (int w = 0; w < tokens.length; w++) {
            double fundamental = base * (w % 3 == 1 ? 1.08 : 1.0);
            all.add(syllables(tokens[w].toLowerCase(Locale.ROOT), fundamental));
        }
        this.words = all;
    }

    public String phrase() {
        return phrase;
    }

    /** How long it lasts: the phrase's spoken length. */
    public Duration duration() {
        return SpokenDuration.ofText(phrase);
    }

    @Override
    public double value(long index, int hertz) {
        if (index < 0) {
            return 0;
        }
        double t = (double) index / hertz;
        double slot = PER_WORD.toNanos() / 1e9;
        int word = (int) (t / slot);
        if (word >= words.size()) {
            return 0;
        }
        double inWord = t - word * slot;
        for (Syllable syllable : words.get(word)) {
            if (inWord >= syllable.from() && inWord < syllable.to()) {
                double x = (inWord - syllable.from()) / (syllable.to() - syllable.from());
                double envelope = Math.pow(Math.sin(Math.PI * x), 2);
                double sum = 0;
                double[] amplitudes = syllable.amplitudes();
                for (int h = 0; h < amplitudes.length; h++) {
                    sum += amplitudes[h] * Math.sin(2 * Math.PI * (h + 1) * syllable.fundamental() * inWord);
                }
                return PEAK * envelope * sum;
            }
        }
        return 0;
    }

    private static List<Syllable> syllables(String word, double fundamental) {
        List<Character> vowels = vowelGroups(word);
        int count = Math.max(1, Math.min(3, vowels.size()));
        double voiced = VOICED.toNanos() / 1e9;
        List<Syllable> syllables = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            char vowel = vowels.isEmpty() ? 'ə' : vowels.get(i);
            syllables.add(new Syllable(voiced * i / count, voiced * (i + 1) / count, fundamental,
                    harmonics(fundamental, formants(vowel))));
        }
        return syllables;
    }

    /** The first vowel of each group of vowels in the word ("billing": i, i; "yes": e). */
    private static List<Character> vowelGroups(String word) {
        List<Character> groups = new ArrayList<>(3);
        boolean inGroup = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean vowel = "aeiouy".indexOf(c) >= 0;
            if (vowel && !inGroup) {
                groups.add(c == 'y' ? 'i' : c);
            }
            inGroup = vowel;
        }
        return groups;
    }

    /** F1, F2, F3 (Hz) of a vowel, after Peterson and Barney's averages for adult speakers. */
    private static double[] formants(char vowel) {
        return switch (vowel) {
            case 'a' -> new double[] {730, 1090, 2440};
            case 'e' -> new double[] {530, 1840, 2480};
            case 'i' -> new double[] {270, 2290, 3010};
            case 'o' -> new double[] {570, 840, 2410};
            case 'u' -> new double[] {300, 870, 2240};
            default -> new double[] {500, 1500, 2500};
        };
    }

    /** Each harmonic's amplitude: the formants' resonance at its frequency, the whole summing to at most 1. */
    private static double[] harmonics(double fundamental, double[] formants) {
        int count = (int) (HIGHEST_HARMONIC_HZ / fundamental);
        double[] amplitudes = new double[count];
        double total = 0;
        for (int h = 0; h < count; h++) {
            double frequency = (h + 1) * fundamental;
            double gain = 0;
            for (int f = 0; f < formants.length; f++) {
                double off = (frequency - formants[f]) / FORMANT_BANDWIDTH_HZ;
                gain += (1.0 / (f + 1)) / (1 + off * off);
            }
            amplitudes[h] = gain;
            total += gain;
        }
        for (int h = 0; h < count; h++) {
            amplitudes[h] /= total;
        }
        return amplitudes;
    }
}
