package dev.acsemulator.call.transcription;

import dev.acsemulator.call.media.SpokenDuration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When each word of a phrase a simulated person says is heard: the deterministic timing transcription reports.
 *
 * <p>A phrase lasts {@link SpokenDuration#ofText} (a fixed rate of {@value SpokenDuration#WORDS_PER_MINUTE} words
 * per minute, the length recognize and recordings use too). Its words follow each other without pauses, each taking
 * the share of that length its letters take of the phrase's letters (a word's letters and digits; a word of
 * punctuation only counts as one), so "yes" is shorter than "certainly". Offsets and durations are in ticks of
 * 100 ns; each word starts where the one before ended, and the last ends with the phrase.
 */
public final class SpokenWords {

    /** Ticks of 100 ns in a millisecond. */
    public static final long TICKS_PER_MILLI = 10_000;

    private final String phrase;
    private final List<String> said;
    private final List<TranscriptFrame.Word> words;
    private final long durationTicks;

    private SpokenWords(String phrase, List<String> said, List<TranscriptFrame.Word> words, long durationTicks) {
        this.phrase = phrase;
        this.said = said;
        this.words = words;
        this.durationTicks = durationTicks;
    }

    /** The phrase's words, timed from {@code offsetTicks} (when the person began saying it). */
    public static SpokenWords of(String phrase, long offsetTicks) {
        List<String> said = List.of(phrase.trim().split("\\s+"));
        long duration = ticks(SpokenDuration.ofText(phrase));
        long[] letters = new long[said.size()];
        long total = 0;
        for (int i = 0; i < said.size(); i++) {
            letters[i] = Math.max(1, said.get(i).codePoints().filter(Character::isLetterOrDigit).count());
            total += letters[i];
        }
        List<TranscriptFrame.Word> words = new ArrayList<>(said.size());
        long before = 0;
        for (int i = 0; i < said.size(); i++) {
            long start = duration * before / total;
            before += letters[i];
            long end = duration * before / total;
            words.add(new TranscriptFrame.Word(lexical(said.get(i)), offsetTicks + start, end - start));
        }
        return new SpokenWords(phrase.trim(), said, List.copyOf(words), duration);
    }

    public static long ticks(Duration duration) {
        return duration.toNanos() / 100;
    }

    public int size() {
        return words.size();
    }

    public List<TranscriptFrame.Word> words() {
        return words;
    }

    public long durationTicks() {
        return durationTicks;
    }

    /** When the {@code count}-th word has been said, from the start of the phrase. */
    public Duration heardAfter(int count) {
        TranscriptFrame.Word last = words.get(count - 1);
        long end = last.offsetTicks() + last.durationTicks() - words.get(0).offsetTicks();
        return Duration.ofNanos(end * 100);
    }

    /** The first {@code count} words as said so far: the text of an Intermediate result. */
    public String textSoFar(int count) {
        return String.join(" ", said.subList(0, count));
    }

    /**
     * The phrase in display form, as a Final result shows it: as said, with a capital first letter and a full stop
     * unless it already ends with punctuation.
     */
    public String displayText() {
        String text = phrase.substring(0, 1).toUpperCase(Locale.ROOT) + phrase.substring(1);
        char last = text.charAt(text.length() - 1);
        return Character.isLetterOrDigit(last) ? text + "." : text;
    }

    /** Lower case, without the punctuation around it: {@code "Hello,"} is heard as {@code hello}. */
    static String lexical(String word) {
        String stripped = word.replaceAll("^[\\p{Punct}\\p{IsPunctuation}]+|[\\p{Punct}\\p{IsPunctuation}]+$", "");
        return (stripped.isEmpty() ? word : stripped).toLowerCase(Locale.ROOT);
    }
}
