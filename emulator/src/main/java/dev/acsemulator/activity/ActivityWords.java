package dev.acsemulator.activity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The words every call's activity shares (event types, operations, outcomes, lifelines of an application that serves
 * many calls, the fixed parts of notes), each kept once and named in an item by its number. A word is admitted the
 * second time it is seen, and only when seen in another call than the first: text that belongs to one call (its ids,
 * a callback URI unique to it) stays with that call and is let go with it. At most {@link #CAPACITY} words are ever
 * admitted and a number never changes meaning, so an item written once reads back the same for as long as it is kept.
 */
final class ActivityWords {

    /** The most words admitted; later ones are kept in the items that use them. */
    static final int CAPACITY = 4096;
    /** The longest word admitted, in chars. */
    static final int LONGEST = 64;
    /** How many first sightings are remembered before they are all forgotten, to bound what is remembered. */
    private static final int SIGHTINGS = 4096;

    private final Map<String, Integer> numbers = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<String> words = new AtomicReferenceArray<>(CAPACITY);
    /** Each word seen once and not yet admitted, with the identity hash of the call it was seen in. */
    private final Map<String, Integer> seenOnce = new ConcurrentHashMap<>();
    private volatile int admitted;

    ActivityWords() {
        number(ActivityItem.EMULATOR);
    }

    /** The number of {@code word} if it is admitted, else -1. */
    int find(String word) {
        Integer number = numbers.get(word);
        return number == null ? -1 : number;
    }

    /**
     * The number of {@code word}: admitted now if it was seen before in another call than the one whose identity hash
     * is {@code call}; else -1, and the sighting is remembered.
     */
    int numberIfShared(String word, int call) {
        int number = find(word);
        if (number >= 0 || word.length() > LONGEST || admitted >= CAPACITY) {
            return number;
        }
        Integer firstSeenIn = seenOnce.putIfAbsent(word, call);
        if (firstSeenIn == null || firstSeenIn == call) {
            if (firstSeenIn == null && seenOnce.size() > SIGHTINGS) {
                seenOnce.clear();
            }
            return -1;
        }
        seenOnce.remove(word);
        return number(word);
    }

    /** The word numbered {@code number}. */
    String word(int number) {
        return words.get(number);
    }

    private synchronized int number(String word) {
        Integer known = numbers.get(word);
        if (known != null) {
            return known;
        }
        if (admitted >= CAPACITY) {
            return -1;
        }
        int number = admitted++;
        words.set(number, word);
        numbers.put(word, number);
        return number;
    }
}
