package dev.acsemulator.call.media;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One choice of a choices recognize (the REST spec's {@code Choice}): its label, the phrases that select it and the
 * key that selects it, if any.
 */
public record RecognizeChoice(String label, List<String> phrases, DtmfTone tone) {

    public RecognizeChoice {
        Objects.requireNonNull(label, "label");
        phrases = List.copyOf(phrases);
    }

    /**
     * Whether the words said are one of its phrases: compared without regard to case, surrounding blanks or a final
     * full stop, question or exclamation mark (a speech recognizer writes "Billing." for "billing").
     */
    public boolean matches(String said) {
        String heard = normalized(said);
        for (String phrase : phrases) {
            if (normalized(phrase).equals(heard)) {
                return true;
            }
        }
        return false;
    }

    private static String normalized(String words) {
        String trimmed = words.strip().toLowerCase(Locale.ROOT);
        while (!trimmed.isEmpty() && ".?!".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        return trimmed;
    }
}
