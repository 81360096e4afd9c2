package dev.acsemulator.call.transcription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acsemulator.call.media.SpokenDuration;
import org.junit.jupiter.api.Test;

class SpokenWordsTest {

    @Test
    void wordsShareThePhrasesSpokenLengthByTheirLettersWithoutGaps() {
        SpokenWords words = SpokenWords.of("Yes, certainly!", 1_000);

        assertThat(words.words()).extracting(TranscriptFrame.Word::text).containsExactly("yes", "certainly");
        long phrase = SpokenWords.ticks(SpokenDuration.ofText("Yes, certainly!"));
        assertThat(words.durationTicks()).isEqualTo(phrase).isEqualTo(8_000_000);
        assertThat(words.words().get(0).offsetTicks()).isEqualTo(1_000);
        assertThat(words.words().get(0).durationTicks()).isEqualTo(phrase * 3 / 12);
        assertThat(words.words().get(1).offsetTicks()).isEqualTo(1_000 + phrase * 3 / 12);
        assertThat(words.words().get(1).durationTicks()).isEqualTo(phrase - phrase * 3 / 12);
    }

    @Test
    void theDisplayTextIsCapitalizedAndEndsWithAFullStopUnlessItHasPunctuation() {
        assertThat(SpokenWords.of("pay my bill", 0).displayText()).isEqualTo("Pay my bill.");
        assertThat(SpokenWords.of("is it paid?", 0).displayText()).isEqualTo("Is it paid?");
        assertThat(SpokenWords.of("pay my bill", 0).textSoFar(2)).isEqualTo("pay my");
    }

    @Test
    void wordsAreHeardWhenTheirLastLetterIsSaid() {
        SpokenWords words = SpokenWords.of("one two three", 0);

        assertThat(words.heardAfter(3)).isEqualTo(SpokenDuration.ofText("one two three"));
        assertThat(words.heardAfter(1).toNanos() / 100).isEqualTo(words.words().get(0).durationTicks());
    }

    @Test
    void aWordOfPunctuationOnlyKeepsItsTextAndTakesTheShareOfOneLetter() {
        SpokenWords words = SpokenWords.of("well ... ok", 0);

        assertThat(words.words()).extracting(TranscriptFrame.Word::text).containsExactly("well", "...", "ok");
        assertThat(words.words().get(1).durationTicks()).isEqualTo(words.durationTicks() * 5 / 7
                - words.durationTicks() * 4 / 7);
    }
}
