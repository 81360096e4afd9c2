package dev.acsemulator.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * One call's activity, numbered from 1 in the order it was recorded and timed on the emulator's clock; at most
 * {@code maxItems} are kept (the oldest go first, {@link #dropped()} counts them). Written from the call's lane, the
 * REST edge and the delivery threads; each item is numbered and handed to the live feed under one lock, so a feed
 * subscriber sees one call's items in their order.
 */
public final class CallActivity {

    private final String serverCallId;
    private final Clock clock;
    private final int maxItems;
    /** Numbered consecutively: the item numbered n is at n - first's number. Null label: a held number. */
    private final ArrayList<ActivityItem> items = new ArrayList<>(16);
    /** When a media operation of a connection entered its running state, to give its end a duration. */
    private final Map<String, Instant> mediaStarted = new HashMap<>(4);
    private final Instant created;
    /** The call's connections and their states' wire names, as the journal told them. */
    private final Map<String, String> connections = new LinkedHashMap<>(2);
    private final Set<String> participants = new LinkedHashSet<>(4);
    private long nextSeq = 1;
    private long dropped;
    private Instant ended;

    CallActivity(String serverCallId, Clock clock, int maxItems) {
        this.serverCallId = serverCallId;
        this.clock = clock;
        this.maxItems = maxItems;
        this.created = clock.instant();
    }

    public String serverCallId() {
        return serverCallId;
    }

    /** Numbers, times and keeps {@code draft}; {@code published} sees the item while the order is held. */
    synchronized ActivityItem append(ActivityItem.Draft draft, BiConsumer<ActivityItem, CallActivity> published) {
        return append(draft, clock.instant(), published);
    }

    /** As {@link #append(ActivityItem.Draft, BiConsumer)}, for something that began at {@code time}. */
    synchronized ActivityItem append(ActivityItem.Draft draft, Instant time,
                                     BiConsumer<ActivityItem, CallActivity> published) {
        ActivityItem item = draft.numbered(nextSeq++, time);
        keep(item);
        published.accept(item, this);
        return item;
    }

    /** Holds the next number for an item that is known to come but is recorded later ({@link #fill}). */
    synchronized long reserve() {
        long seq = nextSeq++;
        keep(new ActivityItem(seq, clock.instant(), ActivityKind.REQUEST, ActivityItem.EMULATOR, ActivityItem.EMULATOR,
                null, null, null, null, null, null, null, null, null, null, null));
        return seq;
    }

    /** Records {@code draft} under the number held for it, at {@code time}, and publishes it. */
    synchronized void fill(long seq, Instant time, ActivityItem.Draft draft,
                           BiConsumer<ActivityItem, CallActivity> published) {
        ActivityItem item = draft.numbered(seq, time);
        int index = items.isEmpty() ? -1 : (int) (seq - items.get(0).seq());
        if (index >= 0 && index < items.size()) {
            items.set(index, item);
            published.accept(item, this);
        }
    }

    private void keep(ActivityItem item) {
        if (items.size() == maxItems) {
            items.remove(0);
            dropped++;
        }
        items.add(item);
    }

    /** A media operation entered a running state: its end will carry the time since. */
    synchronized void mediaStarted(String key) {
        mediaStarted.put(key, clock.instant());
    }

    /** Milliseconds since the media operation {@code key} started, or null when its start was not seen. */
    synchronized Double mediaEnded(String key) {
        Instant started = mediaStarted.remove(key);
        return started == null ? null : Duration.between(started, clock.instant()).toNanos() / 1e6;
    }

    synchronized void connectionState(String callConnectionId, String state) {
        connections.put(callConnectionId, state);
    }

    synchronized void joined(String rawId) {
        participants.add(rawId);
    }

    synchronized void left(String rawId) {
        participants.remove(rawId);
    }

    synchronized CallSummary summary(String correlationId) {
        List<CallSummary.Connection> states = new ArrayList<>(connections.size());
        connections.forEach((id, state) -> states.add(new CallSummary.Connection(id, state)));
        return new CallSummary(serverCallId, correlationId, ended != null, participants.size(), states, created, ended);
    }

    synchronized void ended() {
        if (ended == null) {
            ended = clock.instant();
        }
    }

    /** The items kept, oldest first (numbers still held for a request being served are left out). */
    public synchronized List<ActivityItem> items() {
        return itemsAfter(0);
    }

    /** The items numbered after {@code seq}, oldest first. */
    public synchronized List<ActivityItem> itemsAfter(long seq) {
        List<ActivityItem> after = new ArrayList<>();
        for (ActivityItem item : items) {
            if (item.seq() > seq && item.label() != null) {
                after.add(item);
            }
        }
        return after;
    }

    public synchronized Optional<ActivityItem> item(long seq) {
        int index = items.isEmpty() ? -1 : (int) Math.min(Integer.MAX_VALUE, seq - items.get(0).seq());
        return index < 0 || index >= items.size() || items.get(index).label() == null ? Optional.empty()
                : Optional.of(items.get(index));
    }

    public Instant created() {
        return created;
    }

    /** When the call ended, or null while it goes on. */
    public synchronized Instant endedAt() {
        return ended;
    }

    /** How many of the oldest items were let go to keep the bound. */
    public synchronized long dropped() {
        return dropped;
    }
}
