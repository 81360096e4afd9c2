package dev.acsemulator.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * One call's activity, numbered from 1 in the order it was recorded and timed on the emulator's clock; at most
 * {@code maxItems} are kept (the oldest go first, {@link #dropped()} counts them). Written from the call's lane, the
 * REST edge and the delivery threads; each item is numbered and handed to the live feed under one lock, so a feed
 * subscriber sees one call's items in their order. Items are kept as a few bytes each ({@link CompactItems}) and
 * rebuilt when read, so a call no one looks at costs little more than its ids.
 */
public final class CallActivity {

    private final String serverCallId;
    private final Clock clock;
    /** Numbered consecutively; a held number is an item without a label. */
    private final CompactItems items;
    /** When a media operation of a connection entered its running state, to give its end a duration. */
    private Map<String, Instant> mediaStarted;
    private final long createdNanos;
    /** The call's connections and their states' wire names, as the journal told them, and its people. */
    private final CallRoster roster = new CallRoster();
    private final CallStrings strings;
    private long nextSeq = 1;
    private Instant ended;

    CallActivity(String serverCallId, Clock clock, int maxItems) {
        this(serverCallId, clock, maxItems, new ActivityWords());
    }

    /** @param words the words every call's activity shares */
    CallActivity(String serverCallId, Clock clock, int maxItems, ActivityWords words) {
        this(serverCallId, clock, maxItems, words, clock.instant());
    }

    /** @param created when the call was first seen: now, or the first line of a call whose past is rebuilt */
    CallActivity(String serverCallId, Clock clock, int maxItems, ActivityWords words, Instant created) {
        this.serverCallId = serverCallId;
        this.clock = clock;
        this.createdNanos = ItemCodec.epochNanos(created);
        this.strings = new CallStrings(words);
        this.items = new CompactItems(maxItems, createdNanos, strings);
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
        items.add(item);
        published.accept(item, this);
        return item;
    }

    /** Holds the next number for an item that is known to come but is recorded later ({@link #fill}). */
    synchronized long reserve() {
        long seq = nextSeq++;
        items.add(new ActivityItem(seq, clock.instant(), ActivityKind.REQUEST, ActivityItem.EMULATOR,
                ActivityItem.EMULATOR, null, null, null, null, null, null, null, null, null, null, null));
        return seq;
    }

    /** Records {@code draft} under the number held for it, at {@code time}, and publishes it. */
    synchronized void fill(long seq, Instant time, ActivityItem.Draft draft,
                           BiConsumer<ActivityItem, CallActivity> published) {
        ActivityItem item = draft.numbered(seq, time);
        if (items.replace(item)) {
            published.accept(item, this);
        }
    }

    void mediaStarted(String key) {
        mediaStarted(key, null);
    }

    Double mediaEnded(String key) {
        return mediaEnded(key, null);
    }

    /**
     * A media operation was first seen at {@code at} (null: now; later sightings keep the first): its end carries the
     * time since.
     */
    synchronized void mediaStarted(String key, Instant at) {
        if (mediaStarted == null) {
            mediaStarted = new HashMap<>(4);
        }
        mediaStarted.putIfAbsent(key, at != null ? at : clock.instant());
    }

    /**
     * Milliseconds from the media operation {@code key}'s start to {@code at} (null: now), or null when its start
     * was not seen.
     */
    synchronized Double mediaEnded(String key, Instant at) {
        Instant started = mediaStarted == null ? null : mediaStarted.remove(key);
        return started == null ? null
                : Duration.between(started, at != null ? at : clock.instant()).toNanos() / 1e6;
    }

    synchronized void connectionState(String callConnectionId, String state) {
        roster.connectionState(callConnectionId, state == null ? null : strings.shared(state));
    }

    synchronized void joined(String rawId) {
        roster.joined(rawId);
    }

    synchronized void left(String rawId) {
        roster.left(rawId);
    }

    synchronized CallSummary summary(String correlationId) {
        return new CallSummary(serverCallId, correlationId, ended != null, roster.people(), roster.connections(),
                created(), ended);
    }

    void ended() {
        ended(null);
    }

    /** The call ended at {@code at} (null: now). */
    synchronized void ended(Instant at) {
        if (ended == null) {
            ended = at != null ? at : clock.instant();
        }
    }

    /** The items kept, oldest first (numbers still held for a request being served are left out). */
    public synchronized List<ActivityItem> items() {
        return itemsAfter(0);
    }

    /** The items numbered after {@code seq}, oldest first. */
    public synchronized List<ActivityItem> itemsAfter(long seq) {
        return items.after(seq);
    }

    public synchronized Optional<ActivityItem> item(long seq) {
        return items.item(seq);
    }

    public Instant created() {
        return Instant.ofEpochSecond(0, createdNanos);
    }

    /** When the call ended, or null while it goes on. */
    public synchronized Instant endedAt() {
        return ended;
    }

    /** How many of the oldest items were let go to keep the bound. */
    public synchronized long dropped() {
        return items.dropped();
    }

    /** How many bytes the kept items take, written compactly (for tests of what an idle call costs). */
    synchronized int encodedBytes() {
        return items.encodedBytes();
    }
}
