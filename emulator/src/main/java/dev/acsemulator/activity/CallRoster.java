package dev.acsemulator.activity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a call's summary counts: its connections with their states' wire names (in the order they were created), and
 * the people in it. Kept in small arrays rather than maps, as most calls have a connection or two and a few people; a
 * call past {@link #MANY_PEOPLE} people keeps them in a set. Not thread-safe: its {@link CallActivity} holds the lock.
 */
final class CallRoster {

    static final int MANY_PEOPLE = 32;

    /** Each connection's id followed by its state. */
    private String[] connections;
    private int connectionCount;
    private String[] people;
    private int peopleCount;
    private Set<String> manyPeople;

    void connectionState(String callConnectionId, String state) {
        for (int i = 0; i < connectionCount; i++) {
            if (connections[2 * i].equals(callConnectionId)) {
                connections[2 * i + 1] = state;
                return;
            }
        }
        if (connections == null) {
            connections = new String[2];
        } else if (connections.length == 2 * connectionCount) {
            connections = Arrays.copyOf(connections, 4 * connectionCount);
        }
        connections[2 * connectionCount] = callConnectionId;
        connections[2 * connectionCount + 1] = state;
        connectionCount++;
    }

    List<CallSummary.Connection> connections() {
        List<CallSummary.Connection> states = new ArrayList<>(connectionCount);
        for (int i = 0; i < connectionCount; i++) {
            states.add(new CallSummary.Connection(connections[2 * i], connections[2 * i + 1]));
        }
        return states;
    }

    void joined(String rawId) {
        if (manyPeople != null) {
            manyPeople.add(rawId);
            return;
        }
        if (indexOf(rawId) >= 0) {
            return;
        }
        if (peopleCount == MANY_PEOPLE) {
            manyPeople = new LinkedHashSet<>(Arrays.asList(people));
            manyPeople.add(rawId);
            people = null;
            peopleCount = 0;
            return;
        }
        if (people == null) {
            people = new String[2];
        } else if (people.length == peopleCount) {
            people = Arrays.copyOf(people, Math.min(MANY_PEOPLE, 2 * peopleCount));
        }
        people[peopleCount++] = rawId;
    }

    void left(String rawId) {
        if (manyPeople != null) {
            manyPeople.remove(rawId);
            return;
        }
        int index = indexOf(rawId);
        if (index >= 0) {
            System.arraycopy(people, index + 1, people, index, peopleCount - index - 1);
            people[--peopleCount] = null;
        }
    }

    int people() {
        return manyPeople != null ? manyPeople.size() : peopleCount;
    }

    private int indexOf(String rawId) {
        for (int i = 0; i < peopleCount; i++) {
            if (people[i].equals(rawId)) {
                return i;
            }
        }
        return -1;
    }
}
