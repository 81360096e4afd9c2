package dev.acsemulator.http;

/**
 * Text from a client cut to a bound before it is repeated in an answer, a log line or a journal: a 1 MB callback URI
 * must not be written in full on every attempt. The cut is marked with the original length, so nothing is silently
 * lost.
 */
public final class BoundedText {

    /** How much of a URL is kept in logs and delivery journals. */
    public static final int URL_CHARS = 512;

    private BoundedText() {
    }

    /**
     * {@code text} with at most {@code max} characters kept and control characters replaced by {@code ?}; when it was
     * longer, the cut is followed by {@code "... (N characters)"}. Null stays null.
     */
    public static String of(String text, int max) {
        if (text == null) {
            return null;
        }
        boolean clean = text.length() <= max;
        for (int i = 0; clean && i < text.length(); i++) {
            clean = !Character.isISOControl(text.charAt(i));
        }
        if (clean) {
            return text;
        }
        StringBuilder kept = new StringBuilder(Math.min(text.length(), max) + 32);
        for (int i = 0; i < text.length() && i < max; i++) {
            char c = text.charAt(i);
            kept.append(Character.isISOControl(c) ? '?' : c);
        }
        if (text.length() > max) {
            kept.append("... (").append(text.length()).append(" characters)");
        }
        return kept.toString();
    }
}
