package dev.acsemulator.call.media;

import java.util.Locale;
import java.util.Optional;

/**
 * A DTMF key, named as the REST spec's {@code Tone} enum names it on the wire ({@code "zero"} .. {@code "nine"},
 * {@code "a"} .. {@code "d"}, {@code "pound"}, {@code "asterisk"}), with the character a keypad shows for it.
 */
public enum DtmfTone {
    ZERO('0'), ONE('1'), TWO('2'), THREE('3'), FOUR('4'), FIVE('5'), SIX('6'), SEVEN('7'), EIGHT('8'), NINE('9'),
    A('A'), B('B'), C('C'), D('D'), POUND('#'), ASTERISK('*');

    private final char key;
    private final String wireName;

    DtmfTone(char key) {
        this.key = key;
        this.wireName = name().toLowerCase(Locale.ROOT);
    }

    /** The keypad character: {@code '0'}..{@code '9'}, {@code 'A'}..{@code 'D'}, {@code '#'}, {@code '*'}. */
    public char key() {
        return key;
    }

    /** The spec's name for the tone. */
    public String wireName() {
        return wireName;
    }

    /** The tone the spec names so; spec enums are extensible strings, matched without regard to case. */
    public static Optional<DtmfTone> fromWireName(String name) {
        for (DtmfTone tone : values()) {
            if (tone.wireName.equalsIgnoreCase(name)) {
                return Optional.of(tone);
            }
        }
        return Optional.empty();
    }
}
