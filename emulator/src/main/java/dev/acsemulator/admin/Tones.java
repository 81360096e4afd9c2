package dev.acsemulator.admin;

import java.util.Set;

/** The DTMF tone names of the spec's {@code Tone} enum. */
final class Tones {

    private static final Set<String> NAMES = Set.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "a", "b", "c", "d", "pound", "asterisk");

    private Tones() {
    }

    static boolean isTone(String name) {
        return NAMES.contains(name);
    }
}
