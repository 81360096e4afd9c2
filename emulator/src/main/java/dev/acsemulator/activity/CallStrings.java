package dev.acsemulator.activity;

import java.util.Arrays;

/**
 * The strings one call's items name again and again (its connections' ids, its people, its application's lifeline),
 * each kept once by reference and named in an item by its place; at most {@link #CAPACITY}, so a long call with ever
 * new names keeps the later ones inside its items instead. Shares the {@link ActivityWords} of every call.
 */
final class CallStrings {

    static final int CAPACITY = 64;

    private final ActivityWords words;
    /** This call in {@link ActivityWords#numberIfShared}: its identity hash. */
    private final int identity = System.identityHashCode(this);
    private String[] strings;
    private int size;

    CallStrings(ActivityWords words) {
        this.words = words;
    }

    ActivityWords words() {
        return words;
    }

    int identity() {
        return identity;
    }

    /** {@code word} as every call shares it once other calls use it too, else {@code word} itself. */
    String shared(String word) {
        int number = words.numberIfShared(word, identity);
        return number < 0 ? word : words.word(number);
    }

    int indexOf(String string) {
        for (int i = 0; i < size; i++) {
            if (strings[i].equals(string)) {
                return i;
            }
        }
        return -1;
    }

    /** Keeps {@code string} and answers its place, or -1 when the call keeps as many as it may. */
    int add(String string) {
        if (size == CAPACITY) {
            return -1;
        }
        if (strings == null) {
            strings = new String[2];
        } else if (size == strings.length) {
            strings = Arrays.copyOf(strings, Math.min(CAPACITY, size * 2));
        }
        strings[size] = string;
        return size++;
    }

    String get(int index) {
        return strings[index];
    }
}
