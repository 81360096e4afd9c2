package dev.acsemulator.events;

import dev.acsemulator.call.event.ParticipantView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last roster array written for each big call and api-version, with where each element ends, so that the next
 * version copies its unchanged front in one piece (issue #14: a 350-participant call sends about 200 rosters, each the
 * previous one plus whoever answered). The front is what the two rosters list alike: a participant who did not change
 * is listed with the same identifier object and flags in both ({@link ParticipantView#listsAlike}), so its element's
 * bytes are the same. Small calls (fewer than
 * {@link #MIN_PARTICIPANTS}) are not kept: their rosters are cheap, and thousands of them would only push the big
 * calls out. At most {@link #CALLS_KEPT} calls are kept, least recently written first out.
 */
final class RosterPrefixes {

    static final int MIN_PARTICIPANTS = 16;
    static final int CALLS_KEPT = 32;

    /** A roster as written: {@code ends[i]} is the offset just past element {@code i} in {@code array}. */
    record Written(List<ParticipantView> roster, byte[] array, int[] ends) {

        /** How many leading participants of {@code next} are listed alike in this roster. */
        int sharedFront(List<ParticipantView> next) {
            int limit = Math.min(roster.size(), next.size());
            int shared = 0;
            while (shared < limit && roster.get(shared).listsAlike(next.get(shared))) {
                shared++;
            }
            return shared;
        }
    }

    private record Key(String serverCallId, String apiVersion) { }

    private final Map<Key, Written> byCall = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Written> eldest) {
            return size() > CALLS_KEPT;
        }
    };

    /** The call's last kept roster in this api-version, or null. */
    Written last(String serverCallId, String apiVersion) {
        synchronized (byCall) {
            return byCall.get(new Key(serverCallId, apiVersion));
        }
    }

    void keep(String serverCallId, String apiVersion, Written written) {
        if (written.roster().size() < MIN_PARTICIPANTS) {
            return;
        }
        synchronized (byCall) {
            byCall.put(new Key(serverCallId, apiVersion), written);
        }
    }
}
