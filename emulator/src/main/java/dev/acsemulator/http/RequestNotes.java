package dev.acsemulator.http;

import java.util.function.Supplier;

/**
 * What the layers serving one request learned about it, kept on the request for the decorators around them, so that
 * what one of them worked out (the route the API matched, the call ids the exchange names) is not worked out again by
 * the next. Each note is named by a {@link Key} its owner declares; nothing is noted until someone knows it, and a
 * request no one notes anything of costs this one empty object. Thread-safe: a request is noted on the thread that
 * handles it and read on whichever thread completes its answer.
 */
public final class RequestNotes {

    private static final Object[] NONE = {};

    /** Keys and values, alternating; replaced whole when a note is added, so reading takes no lock. */
    private volatile Object[] entries = NONE;

    /** The name of one kind of note and the type of its value. */
    public static final class Key<T> {
        private final String name;

        public Key(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The value noted under {@code key}, or null when none is. */
    @SuppressWarnings("unchecked")
    public <T> T get(Key<T> key) {
        Object[] current = entries;
        for (int i = 0; i < current.length; i += 2) {
            if (current[i] == key) {
                return (T) current[i + 1];
            }
        }
        return null;
    }

    /** Notes {@code value} under {@code key}, replacing what was noted there before. */
    public synchronized <T> void put(Key<T> key, T value) {
        Object[] current = entries;
        for (int i = 0; i < current.length; i += 2) {
            if (current[i] == key) {
                Object[] replaced = current.clone();
                replaced[i + 1] = value;
                entries = replaced;
                return;
            }
        }
        Object[] added = java.util.Arrays.copyOf(current, current.length + 2);
        added[current.length] = key;
        added[current.length + 1] = value;
        entries = added;
    }

    /** The value noted under {@code key}; made by {@code make} and noted first when there is none. */
    public synchronized <T> T computeIfAbsent(Key<T> key, Supplier<T> make) {
        T noted = get(key);
        if (noted == null) {
            noted = make.get();
            put(key, noted);
        }
        return noted;
    }
}
