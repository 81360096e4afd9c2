package dev.acsemulator.activity;

import dev.acsemulator.call.Call;
import dev.acsemulator.call.CallRegistry;
import dev.acsemulator.delivery.DeliveryJournal;
import dev.acsemulator.runtime.LaneSource;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

/**
 * Every remembered call's activity, and the live feed it is published to. An activity exists only for a call the
 * registry knows (an attempt still retried after its call was forgotten does not bring it back) and goes when the
 * call is forgotten ({@code endedCallRetention}, {@code endedCallsRemembered}).
 *
 * <p>Nothing is recorded until someone first looks ({@link ActivityRecording}). From then on a call begun after
 * the look gets its activity from its journal's first line, as when recording from the start; a call the registry
 * knows that has none began before the look, and has its past rebuilt ({@link ActivityRebuild}) lazily, one call
 * at a time on its own lane, when it is first read or next does something. Until then what it does is not recorded
 * live (the rebuild reads it from the journals), and a request's item waits for the rebuild to come after it. The
 * look costs nothing per remembered call: no list of them is made.
 */
public final class ActivityBook {

    private final Map<String, CallActivity> calls = new ConcurrentHashMap<>();
    private final CallRegistry registry;
    private final Clock clock;
    private final int maxItemsPerCall;
    private final ActivityFeed feed;
    private final CausingRequests causing = new CausingRequests();
    private final LaneSource lanes;
    /** The calls whose changed summary waits on their lane to be published. */
    private final Set<String> summariesDue = ConcurrentHashMap.newKeySet();
    private final ActivityWords words = new ActivityWords();
    private final ActivityRecording recording;
    private final ActivityRebuild rebuild;
    /** Whether recording began with a look, so that calls without an activity have a past to rebuild. */
    private volatile boolean pastsToRebuild;
    /** The rebuilds asked for and not done yet, by server call id. */
    private final Map<String, CompletableFuture<Void>> rebuilding = new ConcurrentHashMap<>();

    /**
     * @param lanes      the calls' lanes, where a changed summary is published once the change's task is done and
     *                   a call's past is rebuilt
     * @param recording  whether activity is recorded yet
     * @param deliveries the delivery attempts a call's past is rebuilt from
     */
    public ActivityBook(CallRegistry registry, Clock clock, int maxItemsPerCall, ActivityFeed feed,
                        LaneSource lanes, ActivityRecording recording, DeliveryJournal deliveries) {
        this.lanes = lanes;
        this.registry = registry;
        this.clock = clock;
        this.maxItemsPerCall = maxItemsPerCall;
        this.feed = feed;
        this.recording = recording;
        this.rebuild = new ActivityRebuild(this, registry, deliveries);
        registry.whenForgotten(calls::remove);
        recording.whenStarted(this::began);
    }

    public ActivityFeed feed() {
        return feed;
    }

    public ActivityRecording recording() {
        return recording;
    }

    /** The call's activity as recorded so far, without looking (for the emulator's own checks and tests). */
    public Optional<CallActivity> find(String serverCallId) {
        return Optional.ofNullable(calls.get(serverCallId));
    }

    /**
     * Someone looks at the call's activity: recording begins if it had not, and the answer comes once the call's
     * past is rebuilt when it has to be (on its lane); empty when the call has no activity.
     */
    public CompletionStage<Optional<CallActivity>> read(String serverCallId) {
        recording.looked();
        CompletableFuture<Void> pending = pastToRebuild(serverCallId);
        return pending == null ? CompletableFuture.completedFuture(find(serverCallId))
                : pending.thenApply(done -> find(serverCallId));
    }

    /** Records {@code draft} in the call's activity and publishes it; nothing when the call is not known. */
    void record(String serverCallId, ActivityItem.Draft draft) {
        CallActivity activity = activityOf(serverCallId);
        if (activity != null) {
            record(activity, draft, null);
        }
    }

    /** Records {@code draft} in {@code activity}: happening now ({@code at} null), or in the call's past at {@code at}. */
    void record(CallActivity activity, ActivityItem.Draft draft, Instant at) {
        if (at == null) {
            causing.holdNumberIn(activity);
            activity.append(draft, this::published);
        } else {
            activity.append(draft, at, this::published);
        }
    }

    CausingRequests causing() {
        return causing;
    }

    /** Records a request's item: under the numbers its work held in the calls it touched, else as the next one. */
    void recordRequest(String serverCallId, CausingRequests.InFlight request, ActivityItem.Draft draft) {
        CompletableFuture<Void> pending = serverCallId == null ? null : pastToRebuild(serverCallId);
        CallActivity named = pending == null ? activityOf(serverCallId) : null;
        boolean filledNamed = false;
        synchronized (request) {
            for (Map.Entry<CallActivity, Long> held : request.reserved.entrySet()) {
                held.getKey().fill(held.getValue(), request.arrived, draft, this::published);
                filledNamed |= held.getKey().serverCallId().equals(serverCallId);
            }
        }
        if (named != null && !filledNamed) {
            named.append(draft, request.arrived, this::published);
        } else if (pending != null && !filledNamed) {
            pending.thenRun(() -> find(serverCallId).ifPresent(rebuilt ->
                    rebuilt.append(draft, request.arrived, this::published)));
        }
    }

    /**
     * The call's activity; for a known call that has none yet, begun now when recording from the start, else null
     * while its past is rebuilt (asked for now; the rebuild reads what is happening from the journals). Null for a
     * call the registry lacks.
     */
    CallActivity activityOf(String serverCallId) {
        if (serverCallId == null) {
            return null;
        }
        CallActivity activity = calls.get(serverCallId);
        if (activity != null || pastsToRebuild && pastToRebuild(serverCallId) != null) {
            return activity;
        }
        return begun(serverCallId);
    }

    /** The activity of a call begun after the look (its journal's first line): begun now if it has none yet. */
    CallActivity activityOfNewCall(String serverCallId) {
        CallActivity activity = calls.get(serverCallId);
        return activity != null ? activity : begun(serverCallId);
    }

    private CallActivity begun(String serverCallId) {
        return registry.call(serverCallId).isEmpty() ? null
                : calls.computeIfAbsent(serverCallId, id -> newActivity(id, clock.instant()));
    }

    CallActivity newActivity(String serverCallId, Instant created) {
        return new CallActivity(serverCallId, clock, maxItemsPerCall, words, created);
    }

    /**
     * Recording began with a look: calls begun from now on are told by their journals' first lines to a
     * {@link JournalActivity} of new calls; every call known without an activity has a past to rebuild.
     */
    private void began(Instant since) {
        pastsToRebuild = true;
        registry.observeJournals(JournalActivity.ofCallsBegunAfterTheLook(this));
    }

    /**
     * When the call has a past to rebuild (it is known, has no activity, and recording began with a look): its
     * rebuild, asked for on the call's lane if it was not yet; else null.
     */
    private CompletableFuture<Void> pastToRebuild(String serverCallId) {
        if (!pastsToRebuild || calls.containsKey(serverCallId) || registry.call(serverCallId).isEmpty()) {
            return null;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Void> asked = rebuilding.putIfAbsent(serverCallId, done);
        if (asked != null) {
            return asked;
        }
        try {
            lanes.forKey(serverCallId).execute(() -> {
                try {
                    rebuildNow(serverCallId);
                } finally {
                    rebuilding.remove(serverCallId, done);
                    done.complete(null);
                }
            });
        } catch (RejectedExecutionException closing) {
            rebuilding.remove(serverCallId, done);
            done.complete(null); // the emulator is closing: nothing will read it
        }
        return done;
    }

    /**
     * On the call's lane: its activity is rebuilt from its journal and its delivery attempts, and from then on
     * recorded live. A live writer that sees the call rebuilt waits on the activity's lock for the rebuild to end,
     * so its item comes after the past.
     */
    private void rebuildNow(String serverCallId) {
        Optional<Call> call = registry.call(serverCallId);
        if (call.isEmpty() || calls.containsKey(serverCallId)) {
            return;
        }
        CallActivity activity = rebuild.of(call.get(), recording.since());
        if (registry.call(serverCallId).isEmpty()) {
            calls.remove(serverCallId, activity); // forgotten meanwhile
        }
        changed(activity);
    }

    /** Puts a rebuilt activity in the book, and lets writers record into it (its lock is held until it is filled). */
    void opened(CallActivity activity) {
        calls.put(activity.serverCallId(), activity);
    }

    private void published(ActivityItem item, CallActivity activity) {
        feed.publish("activity", activity.serverCallId(),
                json -> ActivityJson.writeItem(json, activity.serverCallId(), item));
    }

    /**
     * The call's summary changed: while anyone reads the feed, it is published as a {@code call} event once the
     * call's lane has finished what it is doing. Changes made meanwhile (a connection created, its state, a person
     * joining, all in one task) go out as one summary, built when it is sent; a change after that is sent again, so
     * the last state always reaches the page.
     */
    void changed(CallActivity activity) {
        String serverCallId = activity.serverCallId();
        if (!feed.hasSubscribers() || !summariesDue.add(serverCallId)) {
            return;
        }
        try {
            lanes.forKey(serverCallId).execute(() -> {
                summariesDue.remove(serverCallId);
                feed.publish("call", serverCallId, json -> ActivityJson.writeSummary(json, summary(activity)));
            });
        } catch (RejectedExecutionException closing) {
            summariesDue.remove(serverCallId); // the emulator is closing, and its feed with it
        }
    }

    public CallSummary summary(CallActivity activity) {
        String correlationId = registry.call(activity.serverCallId()).map(Call::correlationId).orElse(null);
        return activity.summary(correlationId);
    }

    /** The summaries of every call with an activity, for a subscriber that just joined. */
    public List<CallSummary> summaries() {
        return calls.values().stream().map(this::summary).toList();
    }
}
